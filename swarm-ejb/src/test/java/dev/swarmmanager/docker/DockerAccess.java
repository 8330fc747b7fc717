package dev.swarmmanager.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The beans that reach the Engine (its settings, the call translation, the raw API and its objects), assembled by
 * hand as the container assembles them, over a scripted Engine: what a unit test gives the bean it drives. The
 * integration tests get them from a real container instead ({@code dev.swarmmanager.lab.InContainer}).
 */
public final class DockerAccess {

    private final DockerCalls calls;
    private final EngineApi api;
    private final EngineObjects objects;

    /** With the settings' defaults (the local socket, no TLS). */
    public DockerAccess(DockerHttpClient engine) {
        this(settings(defaultOf("host"), Boolean.parseBoolean(defaultOf("tlsVerify")), Optional.empty()), engine);
    }

    DockerAccess(DockerSettings settings, DockerHttpClient engine) {
        calls = new DockerCalls();
        calls.settings = settings;
        api = new EngineApi();
        api.http = new MeteredHttpClient(engine);
        api.calls = calls;
        objects = new EngineObjects();
        objects.engine = api;
    }

    static DockerSettings settings(String host, boolean tlsVerify, Optional<String> certPath) {
        DockerSettings settings = new DockerSettings();
        settings.host = host;
        settings.tlsVerify = tlsVerify;
        settings.certPath = certPath;
        settings.connectTimeout = Duration.parse(defaultOf("connectTimeout"));
        settings.responseTimeout = Duration.parse(defaultOf("responseTimeout"));
        settings.maxConnections = Integer.parseInt(defaultOf("maxConnections"));
        return settings;
    }

    /** The setting's default as the bean declares it, so that the tests run on what a server with nothing set runs on. */
    private static String defaultOf(String field) {
        try {
            return DockerSettings.class.getDeclaredField(field).getAnnotation(ConfigProperty.class).defaultValue();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    public DockerCalls calls() {
        return calls;
    }

    public EngineApi api() {
        return api;
    }

    public EngineObjects objects() {
        return objects;
    }
}
