package dev.swarmmanager.lab;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment of the EJB tier's integration tests: the module's beans as they ship (its classes and descriptors),
 * the libraries they ship with, and the tests themselves, deployed by Arquillian to Payara Micro. Timers, the event
 * watch, interceptors, security, transactions and the managed executors run as they do in the EAR. A test class that
 * extends this one runs inside that deployment, signed in as an administrator ({@link LabCaller}), its fields injected.
 * <p>
 * Arquillian starts one Payara Micro per test class, about 14 s each (Payara's remote Micro container, which would
 * take many classes' deployments into one server, does not resolve from Maven Central). {@code @BeforeAll} and
 * {@code @AfterAll} run outside the server: what they set up is shared with the tests through the lab (a fixed name),
 * not through static fields.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class InContainer {

    /** Prepared by the build (swarm-ejb/pom.xml): the runtime libraries, AssertJ, and Payara Micro itself. */
    private static final Path PREPARED = Path.of(System.getProperty("swarm.it.in-container", "target/in-container"));

    /**
     * Like the EAR's glassfish-application.xml: our libraries before Payara's (docker-java needs its own Jackson),
     * and our roles granted by groups of the same names.
     */
    private static final String GLASSFISH_WEB = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN"
                    "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
            <glassfish-web-app>
                <class-loader delegate="false"/>
                <security-role-mapping><role-name>viewer</role-name><group-name>viewer</group-name></security-role-mapping>
                <security-role-mapping><role-name>operator</role-name><group-name>operator</group-name></security-role-mapping>
                <security-role-mapping><role-name>admin</role-name><group-name>admin</group-name></security-role-mapping>
            </glassfish-web-app>
            """;

    private static final String BEANS = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0" bean-discovery-mode="annotated"/>
            """;

    @Deployment
    static WebArchive deployment() {
        return archive("swarm-ejb-it", Map.of());
    }

    /**
     * The deployment, with settings that take precedence over the server's (a test of another Docker host, say).
     * A class that needs such settings does not extend this one: it declares its one deployment with them (a second
     * deployment in a class would start a second Micro that Arquillian's container never stops).
     */
    public static WebArchive archive(String name, Map<String, String> settings) {
        JavaArchive beans = ShrinkWrap.create(ExplodedImporter.class, "swarm-ejb.jar")
                .importDirectory(new File("target/classes")).as(JavaArchive.class);
        JavaArchive tests = ShrinkWrap.create(ExplodedImporter.class, "swarm-ejb-tests.jar")
                .importDirectory(new File("target/test-classes")).as(JavaArchive.class)
                .addAsManifestResource(new StringAsset(BEANS), "beans.xml");
        StringBuilder config = new StringBuilder("config_ordinal=500\n"); // above system properties (400)
        settings.forEach((key, value) -> config.append(key).append('=').append(value).append('\n'));
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsResource(new StringAsset(config.toString()), "META-INF/microprofile-config.properties")
                .addAsLibraries(beans, tests)
                .addAsLibraries(jars("lib"))
                .addAsLibraries(jars("test-lib"))
                // A WAR reads its EJB descriptor here only, not from its libraries: the one that makes the domain's
                // exceptions reach callers as themselves.
                .addAsWebInfResource(new File("target/classes/META-INF/ejb-jar.xml"), "ejb-jar.xml")
                .addAsWebInfResource(new StringAsset(GLASSFISH_WEB), "glassfish-web.xml");
    }

    private static File[] jars(String folder) {
        File[] jars = PREPARED.resolve(folder).toFile().listFiles((dir, name) -> name.endsWith(".jar"));
        return Objects.requireNonNull(jars, () -> PREPARED.resolve(folder) + " is missing: run the tests through Maven");
    }
}
