package dev.swarmmanager.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStoreException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/**
 * The one connection pool to the Engine that the whole application shares: built once from configuration,
 * closed on shutdown. httpclient5 is the transport docker-java maintains for the long term; it speaks both
 * unix sockets and TLS. A broken connection is not fatal: the pool opens a new one on the next call, which
 * is how the application recovers by itself when Docker comes back.
 */
@ApplicationScoped
public class DockerConnection {

    private static final Logger LOG = Logger.getLogger(DockerConnection.class.getName());

    @Inject
    DockerSettings settings;

    /** Every Engine call, for the metrics. */
    @Inject
    Event<EngineCall> engineCalls;

    private MeteredHttpClient http;
    private DockerClient client;

    @PostConstruct
    void open() {
        DockerClientConfig config = clientConfig();
        http = new MeteredHttpClient(new Routed(new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(settings.connectTimeout())
                .responseTimeout(settings.responseTimeout())
                .maxConnections(settings.maxConnections())
                .build()), engineCalls::fire);
        client = DockerClientImpl.getInstance(config, http);
    }

    @Produces
    public DockerClient client() {
        return client;
    }

    @Produces
    public MeteredHttpClient http() {
        return http;
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing the Docker connection pool", e);
        }
    }

    /**
     * The default Engine's pool, or the registered cluster this thread targets ({@link EngineTarget}): docker-java
     * builds each request's path and hands it to the transport, so the one client reaches any cluster.
     */
    private record Routed(DockerHttpClient defaultTransport) implements DockerHttpClient {
        @Override
        public Response execute(Request request) {
            return EngineTarget.current().map(EngineTarget::transport).orElse(defaultTransport).execute(request);
        }

        @Override
        public void close() throws IOException {
            defaultTransport.close(); // the clusters' pools are closed by whoever opened them
        }
    }

    private DockerClientConfig clientConfig() {
        // Built from our settings alone: docker-java's defaults would also read DOCKER_* variables and
        // ~/.docker, which would make the server's behaviour depend on whoever started it.
        DefaultDockerClientConfig.Builder builder = new DefaultDockerClientConfig.Builder()
                .withDockerHost(settings.host())
                .withDockerTlsVerify(settings.tlsVerify());
        if (settings.tlsVerify()) {
            // Read by us (Pem), not by docker-java's reader, which would need Bouncy Castle in the EAR.
            Path folder = Path.of(settings.certPath().orElseThrow(() -> new IllegalStateException(
                    "swarm.docker.tls-verify=true needs swarm.docker.cert-path: the folder of ca.pem, cert.pem and key.pem")));
            builder.withCustomSslConfig(() -> folderContext(folder));
        }
        return builder.build();
    }

    /** The client context from the folder's {@code ca.pem}, {@code cert.pem} and {@code key.pem}, as the docker CLI reads it. */
    private static SSLContext folderContext(Path folder) throws KeyStoreException {
        try {
            return Pem.sslContext(Files.readString(folder.resolve("ca.pem")), Files.readString(folder.resolve("cert.pem")),
                    Files.readString(folder.resolve("key.pem")));
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyStoreException("cannot read the TLS material in " + folder + " (swarm.docker.cert-path): " + e, e);
        }
    }
}
