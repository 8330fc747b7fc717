package dev.swarmmanager.docker;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.cluster.boundary.Cluster;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.services.boundary.Services;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Engine reached as a production manager is: over TCP with TLS both ways ({@code dockerd --tlsverify}, the lab's
 * manager1 on port 2376), with the client certificates a folder holds as the docker CLI's DOCKER_CERT_PATH does.
 * The refusals: {@link DockerTlsStrangerIT}, {@link DockerTlsPlainIT}.
 */
@ExtendWith(ArquillianExtension.class)
class DockerTlsIT {

    @Deployment
    static WebArchive deployment() {
        return LabTls.deployment("tls", true, LabTls.CLIENT_CERTIFICATES);
    }

    @Inject
    Cluster cluster;

    @Inject
    Services services;

    @Inject
    ClusterMirror mirror;

    @Test
    void theSwarmIsReadAndChangedOverTlsWithTheClientsCertificate() {
        assertThat(LabTls.ADDRESS).startsWith("tcp://").endsWith(":2376");
        assertThat(mirror.dockerHost()).isEqualTo(LabTls.ADDRESS);
        assertThat(cluster.info().clusterId()).isEqualTo(docker("info", "--format", "{{.Swarm.Cluster.ID}}"));

        String service = Lab.uniqueName("tls-svc");
        Lab.createWorkerService(service, 1);
        try {
            assertThat(services.scale(service, 2).desiredReplicas()).isEqualTo(2);
            assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("2");
        } finally {
            Lab.removeServiceQuietly(service);
        }
    }
}
