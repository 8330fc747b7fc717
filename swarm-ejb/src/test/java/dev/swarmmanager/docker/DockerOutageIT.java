package dev.swarmmanager.docker;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.lab.InContainer;
import jakarta.inject.Inject;
import dev.swarmmanager.nodes.boundary.Nodes;
import dev.swarmmanager.services.boundary.Services;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lab's manager daemon goes away and comes back; the same beans must say so, then recover unaided. */
class DockerOutageIT extends InContainer {

    @Inject
    Services services;
    @Inject
    Nodes nodes;
    @Inject
    ClusterMirror mirror;

    @Test
    void dockerStoppedIsUnavailableThenRecoversByItself() {
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

        // Nobody refreshes it now: the event watch reconnects on its own and reads everything again.
        Lab.await(Duration.ofSeconds(60), () -> !mirror.health().stale(), () -> "the mirror to recover by itself: " + mirror.health().reasons());
        assertThat(mirror.statistics().stale()).isFalse();
        assertThat(nodes.list()).hasSize(nodeCount);
    }
}
