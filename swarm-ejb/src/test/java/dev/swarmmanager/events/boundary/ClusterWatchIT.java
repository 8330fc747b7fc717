package dev.swarmmanager.events.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The event watch keeps the mirror current by itself: changes made with the docker CLI, behind the application's back,
 * reach the mirror through Docker's event stream. The full read's timer is set to an hour here, so only the watch can
 * have brought them.
 */
@ExtendWith(ArquillianExtension.class)
class ClusterWatchIT {

    @Deployment
    static WebArchive deployment() {
        return InContainer.archive("watch", Map.of("swarm.health.refresh-interval", "PT1H"));
    }

    @Inject
    ClusterMirror mirror;

    @Inject
    ClusterWatch watch;

    @Test
    void theFullReadRunsOnlyHourlyHereSoThatWhatFollowsIsTheWatchsDoing() {
        assertThat(Duration.parse(ConfigProvider.getConfig().getValue("swarm.health.refresh-interval", String.class)))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aServiceTheCliCreatesScalesAndRemovesIsMirroredFromTheEvents() {
        Lab.await(Duration.ofSeconds(30), () -> mirror.current().isPresent(), () -> "the first full read at start");
        long processed = watch.processed();
        String name = Lab.uniqueName("it-watch");
        String id = Lab.createWorkerService(name, 2);
        try {
            Lab.await(Duration.ofSeconds(30), () -> service(name).map(s -> s.runningReplicas() == 2).orElse(false),
                    () -> "the mirror to see " + name + " run two replicas: " + service(name));
            assertThat(service(name).orElseThrow().id()).isEqualTo(id);
            assertThat(watch.processed()).as("events handled").isGreaterThan(processed);

            docker("service", "scale", "--detach", name + "=1");
            Lab.await(Duration.ofSeconds(30), () -> service(name).map(s -> s.desiredReplicas() == 1 && s.runningReplicas() == 1)
                    .orElse(false), () -> "the mirror to see " + name + " scaled to one: " + service(name));
        } finally {
            Lab.removeServiceQuietly(name);
        }
        Lab.await(Duration.ofSeconds(30), () -> mirror.current().map(state -> state.service(name).isEmpty()).orElse(false),
                () -> "the mirror to forget " + name);
        assertThat(mirror.current().orElseThrow().tasksOf(id)).isEmpty();
    }

    @Test
    void aNodeTheCliDrainsIsMirroredFromTheEvents() {
        Lab.await(Duration.ofSeconds(30), () -> mirror.current().isPresent(), () -> "the first full read at start");
        docker("node", "update", "--availability", "drain", "worker2");
        try {
            Lab.await(Duration.ofSeconds(30), () -> availability("worker2") == NodeAvailability.DRAIN,
                    () -> "the mirror to see worker2 drained: " + availability("worker2"));
        } finally {
            docker("node", "update", "--availability", "active", "worker2");
        }
        Lab.await(Duration.ofSeconds(30), () -> availability("worker2") == NodeAvailability.ACTIVE,
                () -> "the mirror to see worker2 active again: " + availability("worker2"));
    }

    private Optional<SwarmService> service(String name) {
        return mirror.current().flatMap(state -> state.service(name));
    }

    private NodeAvailability availability(String hostname) {
        return mirror.current().map(ClusterState::nodes).orElseThrow().stream().filter(n -> n.hostname().equals(hostname))
                .map(SwarmNode::availability).findFirst().orElseThrow();
    }
}
