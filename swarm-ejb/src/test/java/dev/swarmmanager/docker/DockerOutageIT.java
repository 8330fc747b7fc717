package dev.swarmmanager.docker;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.health.boundary.ClusterHealth;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.lab.Wiring;
import dev.swarmmanager.nodes.boundary.Nodes;
import dev.swarmmanager.services.boundary.Services;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lab's manager daemon goes away and comes back; the same beans must say so, then recover unaided. */
class DockerOutageIT {

    private final Wiring wiring = Lab.wiring();

    @Test
    void dockerStoppedIsUnavailableThenRecoversByItself() {
        Services services = wiring.get(Services.class);
        Nodes nodes = wiring.get(Nodes.class);
        ClusterHealth health = wiring.get(ClusterHealth.class);
        health.refresh();
        assertThat(services.list(ServiceFilter.ALL)).isNotNull();
        int nodeCount = health.statistics().cluster().nodes();

        Lab.lab("stop", "manager1");
        try {
            assertThatThrownBy(nodes::list)
                    .isInstanceOf(DockerUnavailableException.class)
                    .hasMessageStartingWith("Docker is unavailable: ")
                    .satisfies(e -> assertThat(((DockerUnavailableException) e).messageWithHost()).startsWith("Docker is unavailable at " + Lab.DOCKER_HOST + ":"));
            assertThatThrownBy(() -> services.scale("anything", 2)).isInstanceOf(DockerUnavailableException.class);

            health.refresh();
            assertThat(health.health().overallHealth()).isEqualTo(OverallHealth.UNHEALTHY);
            assertThat(health.health().stale()).isTrue();
            assertThat(health.health().reasons()).singleElement().asString().startsWith("Docker is unavailable");
            assertThat(health.statistics().stale()).isTrue();
            assertThat(health.statistics().cluster().nodes()).as("last known figures are kept").isEqualTo(nodeCount);
        } finally {
            Lab.lab("start", "manager1");
        }
        Lab.awaitAllNodesReady();

        assertThat(nodes.list()).hasSize(nodeCount);
        health.refresh();
        assertThat(health.health().stale()).isFalse();
        assertThat(health.statistics().stale()).isFalse();
    }
}
