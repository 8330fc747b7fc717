package dev.swarmmanager.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * The beans that reach the Engine (its settings, the call translation, the raw API and its objects), assembled by
 * hand as the container assembles them, over a scripted Engine: what a unit test gives the bean it drives. The
 * integration tests get them from a real container instead ({@code dev.swarmmanager.lab.InContainer}).
 */
public final class DockerAccess {

    /** The default of {@code swarm.docker.host}, which the unavailability messages name. */
    public static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";

    private final DockerCalls calls;
    private final EngineApi api;
    private final EngineObjects objects;

    /** Over the local socket, with the settings' defaults. */
    public DockerAccess(DockerHttpClient engine) {
        this(settings(LOCAL_SOCKET, false, Optional.empty()), engine);
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
        settings.connectTimeout = Duration.ofSeconds(5);
        settings.responseTimeout = Duration.ofSeconds(30);
        settings.maxConnections = 50;
        return settings;
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
