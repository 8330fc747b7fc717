package dev.swarmmanager.docker;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
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
        ClusterMirror mirror = wiring.get(ClusterMirror.class);
        mirror.refresh();
        assertThat(services.list(ServiceFilter.ALL)).extracting(dev.swarmmanager.domain.SwarmService::name)
                .containsExactlyInAnyOrderElementsOf(Lab.docker("service", "ls", "--format", "{{.Name}}").lines().toList());
        int nodeCount = mirror.statistics().cluster().nodes();

        Lab.lab("stop", "manager1");
        try {
            mirror.refresh(); // what the event watch does when the Engine's stream breaks
            assertThatThrownBy(nodes::list).as("a mirror that cannot be refreshed is not served")
                    .isInstanceOf(DockerUnavailableException.class)
                    .hasMessageStartingWith("Docker is unavailable: ")
                    .satisfies(e -> assertThat(((DockerUnavailableException) e).messageWithHost()).startsWith("Docker is unavailable at " + Lab.DOCKER_HOST + ":"));
            assertThatThrownBy(() -> services.scale("anything", 2)).isInstanceOf(DockerUnavailableException.class);

            assertThat(mirror.health().overallHealth()).isEqualTo(OverallHealth.UNHEALTHY);
            assertThat(mirror.health().stale()).isTrue();
            assertThat(mirror.health().reasons()).singleElement().asString().startsWith("Docker is unavailable");
            assertThat(mirror.statistics().stale()).isTrue();
            assertThat(mirror.statistics().cluster().nodes()).as("last known figures are kept").isEqualTo(nodeCount);
        } finally {
            Lab.lab("start", "manager1");
        }
        Lab.awaitAllNodesReady();

        assertThat(nodes.list()).hasSize(nodeCount);
        mirror.refresh();
        assertThat(mirror.health().stale()).isFalse();
        assertThat(mirror.statistics().stale()).isFalse();
    }
}
