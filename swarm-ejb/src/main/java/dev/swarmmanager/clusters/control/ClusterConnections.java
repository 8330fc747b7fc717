package dev.swarmmanager.clusters.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.docker.DockerSettings;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.Causes;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.SwarmException;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connections to the registered Swarms: one small pool per cluster, opened on first use and kept until its
 * registration changes or goes. Each is separate from the default cluster's pool, so one Engine that hangs holds
 * only its own connections. Everything a cluster is asked (its checks, its event watch, the requests under its
 * routes) goes over its pool as the calls of a thread that works on it ({@link EngineTarget}), through the shared
 * connection's beans and metrics.
 */
@ApplicationScoped
public class ClusterConnections {

    private static final Logger LOG = Logger.getLogger(ClusterConnections.class.getName());
    /** Its event watch holds one connection and a check one at a time; the rest serve requests under its routes. */
    private static final int MAX_CONNECTIONS = 8;

    @Inject
    DockerSettings settings;

    /** A cluster's pool, for one registration of it. */
    private record Open(String version, String host, DockerHttpClient transport) {
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();

    /**
     * Where the work on a cluster sends its Engine calls.
     *
     * @param version what identifies this registration (its host and sealed material): another one reopens
     */
    public EngineTarget target(String cluster, String version, String host, TlsMaterial tls) {
        return new EngineTarget(cluster, host, opened(cluster, version, host, tls).transport());
    }

    /** Whether the cluster's pool is open for this registration, so that its material need not be opened again. */
    public java.util.Optional<EngineTarget> openTarget(String cluster, String version) {
        Open current = open.get(cluster);
        return current != null && current.version().equals(version)
                ? java.util.Optional.of(new EngineTarget(cluster, current.host(), current.transport())) : java.util.Optional.empty();
    }

    private Open opened(String cluster, String version, String host, TlsMaterial tls) {
        return open.compute(cluster, (name, current) -> {
            if (current != null && current.version().equals(version)) {
                return current;
            }
            if (current != null) {
                close(current.transport());
            }
            return new Open(version, host, transport(host, tls));
        });
    }

    /** A client for a cluster not registered yet (to check it): the caller closes it. */
    public DockerClient connect(String host, TlsMaterial tls) {
        return DockerClientImpl.getInstance(config(host), transport(host, tls));
    }

    private static DefaultDockerClientConfig config(String host) {
        return new DefaultDockerClientConfig.Builder().withDockerHost(host).build();
    }

    private DockerHttpClient transport(String host, TlsMaterial tls) {
        return new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                .sslConfig(tls == null ? null : tls::sslContext)
                .connectionTimeout(settings.connectTimeout())
                .responseTimeout(settings.responseTimeout())
                .maxConnections(MAX_CONNECTIONS)
                .build();
    }

    public void forget(String cluster) {
        Open gone = open.remove(cluster);
        if (gone != null) {
            close(gone.transport());
        }
    }

    @PreDestroy
    void closeAll() {
        open.values().forEach(o -> close(o.transport()));
        open.clear();
    }

    /** Closes a client or a pool; what it says while closing is of no use to anyone. */
    public static void close(java.io.Closeable connections) {
        try {
            connections.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a cluster's connection pool", e);
        }
    }

    /**
     * What a failure to reach a registered Engine means, in the words an admin acts on: a TLS refusal is a problem of
     * the certificates given (400), anything else an outage of that cluster alone (503).
     */
    public static SwarmException failure(String host, RuntimeException failure) {
        if (failure instanceof SwarmException known) {
            return known;
        }
        DockerCalls.Failure said = DockerCalls.Failure.of(host, true, host.startsWith("tcp://"), failure);
        if (said.tls()) {
            return new InvalidRequestException(null, said.reason());
        }
        if (failure instanceof DockerException engine) {
            Throwable root = Causes.root(failure);
            return new DockerUnavailableException(host, Phrase.of("docker.failed", engine.getHttpStatus(),
                    root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()), failure);
        }
        return new DockerUnavailableException(host, said.reason(), failure);
    }
}
