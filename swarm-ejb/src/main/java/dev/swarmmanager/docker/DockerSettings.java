package dev.swarmmanager.docker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the Docker Engine is and how to reach it, from MicroProfile Config (environment variables win). */
@ApplicationScoped
public class DockerSettings {

    /** {@code unix:///var/run/docker.sock}, or {@code tcp://host:2376} with TLS for a remote manager. */
    @Inject
    @ConfigProperty(name = "swarm.docker.host", defaultValue = "unix:///var/run/docker.sock")
    String host;

    @Inject
    @ConfigProperty(name = "swarm.docker.tls-verify", defaultValue = "false")
    boolean tlsVerify;

    /** Folder holding {@code ca.pem}, {@code cert.pem} and {@code key.pem}, as for the docker CLI. */
    @Inject
    @ConfigProperty(name = "swarm.docker.cert-path")
    Optional<String> certPath;

    @Inject
    @ConfigProperty(name = "swarm.docker.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    /** Bounds every non-streaming Engine call, so a hung daemon turns into a clear 503 instead of a hung request. */
    @Inject
    @ConfigProperty(name = "swarm.docker.response-timeout", defaultValue = "PT30S")
    Duration responseTimeout;

    @Inject
    @ConfigProperty(name = "swarm.docker.max-connections", defaultValue = "50")
    int maxConnections;

    public String host() {
        return host;
    }

    public boolean tlsVerify() {
        return tlsVerify;
    }

    public Optional<String> certPath() {
        return certPath;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    public int maxConnections() {
        return maxConnections;
    }
}
