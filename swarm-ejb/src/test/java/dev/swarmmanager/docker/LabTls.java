package dev.swarmmanager.docker;

import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import java.util.HashMap;
import java.util.Map;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The lab's manager Engine over TCP with TLS ({@code dockerd --tlsverify} on port 2376), and the application deployed
 * to reach it as a production manager does. One deployment per test class: Payara's Arquillian container runs one
 * Payara Micro per deployment but stops only the last of a class's.
 */
final class LabTls {

    /** {@code lab tls}: the listener's address, the client's certificates, a stranger CA's client certificates. */
    static final String[] TLS = Lab.lab("tls").split(" ");
    static final String ADDRESS = TLS[0];
    static final String CLIENT_CERTIFICATES = TLS[1];
    static final String STRANGER_CERTIFICATES = TLS[2];

    private LabTls() {
    }

    /** The application configured with the Engine's TLS port and a folder of certificates, as DOCKER_CERT_PATH holds them. */
    static WebArchive deployment(String name, boolean tlsVerify, String certPath) {
        Map<String, String> settings = new HashMap<>(Map.of("swarm.docker.host", ADDRESS, "swarm.docker.tls-verify", Boolean.toString(tlsVerify)));
        if (certPath != null) {
            settings.put("swarm.docker.cert-path", certPath);
        }
        return InContainer.archive(name, settings);
    }
}
