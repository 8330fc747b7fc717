package dev.swarmmanager.docker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.cluster.boundary.Cluster;
import dev.swarmmanager.domain.DockerUnavailableException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Plain HTTP to the Engine's TLS port is refused with a reason that says to turn TLS on. */
@ExtendWith(ArquillianExtension.class)
class DockerTlsPlainIT {

    @Deployment
    static WebArchive deployment() {
        return LabTls.deployment("plain", false, null);
    }

    @Inject
    Cluster cluster;

    @Test
    void plainHttpToTheTlsPortSaysToTurnTlsOn() {
        assertThatThrownBy(() -> cluster.info()).isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("the Engine there speaks TLS: set swarm.docker.tls-verify=true");
    }
}
