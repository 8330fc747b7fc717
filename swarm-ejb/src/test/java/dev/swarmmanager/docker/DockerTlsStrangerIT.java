package dev.swarmmanager.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.cluster.boundary.Cluster;
import dev.swarmmanager.domain.DockerUnavailableException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A client certificate from a CA the Engine does not trust is refused with a reason that says what to fix. */
@ExtendWith(ArquillianExtension.class)
class DockerTlsStrangerIT {

    @Deployment
    static WebArchive deployment() {
        return LabTls.deployment("stranger", true, LabTls.STRANGER_CERTIFICATES);
    }

    @Inject
    Cluster cluster;

    @Test
    void aClientCertificateTheEngineDoesNotTrustIsRefusedWithTheReason() {
        String address = LabTls.ADDRESS.substring("tcp://".length(), LabTls.ADDRESS.lastIndexOf(':'));
        assertThatThrownBy(() -> cluster.info()).isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("check the certificates in swarm.docker.cert-path")
                .as("every caller reads the reason: the Engine's address is for admins only")
                .hasMessageNotContaining(address)
                .satisfies(e -> assertThat(((DockerUnavailableException) e).messageWithHost()).contains(LabTls.ADDRESS));
    }
}
