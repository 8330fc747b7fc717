package dev.swarmmanager.clusters.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.swarmmanager.docker.DockerSettings;
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
import javax.net.ssl.SSLException;

/**
 * The connections to the registered Swarms: one small pool per cluster, opened on first use and kept until its
 * registration changes or goes. Each is separate from the default cluster's pool, so one Engine that hangs holds
 * only its own connections.
 */
@ApplicationScoped
public class ClusterConnections {

    private static final Logger LOG = Logger.getLogger(ClusterConnections.class.getName());
    /** A probe needs one connection at a time; a few more for reads that may come later. */
    private static final int MAX_CONNECTIONS = 4;

    @Inject
    DockerSettings settings;

    private record Open(String version, DockerClient client) {
    }

    private final Map<String, Open> open = new ConcurrentHashMap<>();

    /**
     * The client for a cluster as registered now.
     *
     * @param version what identifies this registration (its host and sealed material): another one reopens
     */
    public DockerClient client(String cluster, String version, String host, TlsMaterial tls) {
        Open current = open.get(cluster);
        if (current != null && current.version().equals(version)) {
            return current.client();
        }
        Open fresh = new Open(version, connect(host, tls));
        Open replaced = open.put(cluster, fresh);
        if (replaced != null) {
            close(replaced.client());
        }
        return fresh.client();
    }

    /** A client for a cluster not registered yet (to check it): the caller closes it. */
    public DockerClient connect(String host, TlsMaterial tls) {
        var config = new DefaultDockerClientConfig.Builder().withDockerHost(host).build();
        var http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(host))
                .sslConfig(tls == null ? null : tls::sslContext)
                .connectionTimeout(settings.connectTimeout())
                .responseTimeout(settings.responseTimeout())
                .maxConnections(MAX_CONNECTIONS)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    public void forget(String cluster) {
        Open gone = open.remove(cluster);
        if (gone != null) {
            close(gone.client());
        }
    }

    @PreDestroy
    void closeAll() {
        open.values().forEach(o -> close(o.client()));
        open.clear();
    }

    public static void close(DockerClient client) {
        try {
            client.close();
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
        Throwable root = Causes.root(failure);
        String said = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        var tls = Causes.find(failure, SSLException.class);
        if (tls.isPresent()) {
            // The TLS layer's own words can quote the Engine's address and names: they go to the log.
            LOG.log(Level.WARNING, "TLS with the Engine at " + host + " failed", failure);
            return new InvalidRequestException(null, Phrase.of("clusters.tls-refused", host, tls.get().getClass().getSimpleName()));
        }
        if (host.startsWith("tcp://") && root instanceof java.net.SocketException && !(root instanceof java.net.ConnectException)
                && !(root instanceof java.net.NoRouteToHostException)) {
            // With TLS 1.3 our side of the handshake ends before the Engine has checked our certificate: an Engine that
            // does not trust it closes the connection, and we see a broken pipe or a reset.
            return new InvalidRequestException(null, Phrase.of("clusters.tls-closed", host, said));
        }
        if (failure instanceof DockerException engine) {
            return new DockerUnavailableException(host, Phrase.of("docker.failed", engine.getHttpStatus(), said), failure);
        }
        return new DockerUnavailableException(host, Phrase.of("docker.says", said), failure);
    }
}
