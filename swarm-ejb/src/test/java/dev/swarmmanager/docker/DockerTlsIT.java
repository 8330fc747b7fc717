package dev.swarmmanager.docker;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.cluster.boundary.Cluster;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.lab.Wiring;
import dev.swarmmanager.services.boundary.Services;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Engine reached as a production manager is: over TCP with TLS both ways ({@code dockerd --tlsverify}, the lab's
 * manager1 on port 2376), with the client certificates a folder holds as the docker CLI's DOCKER_CERT_PATH does.
 * A certificate from a CA the Engine does not trust, and plain HTTP to the TLS port, are refused with a reason that
 * says what to fix.
 */
class DockerTlsIT {

    /** {@code lab tls}: the listener's address, the client's certificates, a stranger CA's client certificates. */
    private static final String[] TLS = Lab.lab("tls").split(" ");

    private static Wiring over(String host, boolean tlsVerify, String certPath) {
        DockerSettings settings = new DockerSettings();
        settings.host = host;
        settings.tlsVerify = tlsVerify;
        settings.certPath = Optional.ofNullable(certPath);
        settings.connectTimeout = Duration.ofSeconds(5);
        settings.responseTimeout = Duration.ofSeconds(30);
        settings.maxConnections = 5;
        Wiring wiring = new Wiring().with(DockerSettings.class, settings);
        DockerConnection connection = wiring.get(DockerConnection.class);
        return wiring.with(DockerClient.class, connection.client()).with(MeteredHttpClient.class, connection.http());
    }

    @Test
    void theSwarmIsReadAndChangedOverTlsWithTheClientsCertificate() {
        Wiring wiring = over(TLS[0], true, TLS[1]);
        assertThat(TLS[0]).startsWith("tcp://").endsWith(":2376");
        assertThat(wiring.get(Cluster.class).info().clusterId()).isEqualTo(docker("info", "--format", "{{.Swarm.Cluster.ID}}"));

        String service = Lab.uniqueName("tls-svc");
        Lab.createWorkerService(service, 1);
        try {
            assertThat(wiring.get(Services.class).scale(service, 2).desiredReplicas()).isEqualTo(2);
            assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("2");
        } finally {
            Lab.removeServiceQuietly(service);
        }
    }

    @Test
    void aClientCertificateTheEngineDoesNotTrustIsRefusedWithTheReason() {
        Wiring wiring = over(TLS[0], true, TLS[2]);
        String address = TLS[0].substring("tcp://".length(), TLS[0].lastIndexOf(':'));
        assertThatThrownBy(() -> wiring.get(Cluster.class).info()).isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("check the certificates in swarm.docker.cert-path")
                .as("every caller reads the reason: the Engine's address is for admins only")
                .hasMessageNotContaining(address)
                .satisfies(e -> assertThat(((DockerUnavailableException) e).messageWithHost()).contains(TLS[0]));
    }

    @Test
    void plainHttpToTheTlsPortSaysToTurnTlsOn() {
        Wiring wiring = over(TLS[0], false, null);
        assertThatThrownBy(() -> wiring.get(Cluster.class).info()).isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("the Engine there speaks TLS: set swarm.docker.tls-verify=true");
    }
}
