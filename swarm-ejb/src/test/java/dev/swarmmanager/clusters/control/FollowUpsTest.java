package dev.swarmmanager.clusters.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.events.boundary.ClusterWatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** When a registered cluster is read again after a change: only for what its events named, and not for ever. */
class FollowUpsTest {

    private static final Instant T = Instant.parse("2026-12-02T05:00:00Z");
    private final FollowUps followUps = new FollowUps();

    private static SwarmService service(String id, long desired, long running) {
        return new SwarmService(id, id, "ocr-worker:1.0", ServiceMode.REPLICATED, desired, running, null, Map.of(), null, null,
                T, T, 1, null, null, null);
    }

    private static ClusterState state(SwarmService... services) {
        return new ClusterState(null, List.of(), List.of(services), List.of());
    }

    private static JsonNode event(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode serviceEvent(String id) {
        return event("{\"Type\":\"service\",\"Action\":\"update\",\"Actor\":{\"ID\":\"" + id + "\"}}");
    }

    @Test
    void aChangedServiceIsReadAgainUntilItHasSettled() {
        followUps.changed("site", serviceEvent("moving"), null);

        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("moving", 2, 1)), false)).hasValue(ClusterWatch.followUpDelayMillis(1));
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("moving", 2, 2)), false)).isEmpty();
        assertThat(followUps.afterRead("other", System.nanoTime(), state(service("moving", 2, 1)), false)).as("another cluster's").isEmpty();
    }

    @Test
    void aServiceThatNeverStartsIsGivenUpOnAndNotWaitedForAtOthersChanges() {
        ClusterState stuck = state(service("stuck", 1, 0), service("moving", 2, 2));
        followUps.changed("site", serviceEvent("stuck"), null);
        int reads = 0;
        while (followUps.afterRead("site", System.nanoTime(), stuck, false).isPresent()) {
            reads++;
        }
        assertThat(reads).isEqualTo(ClusterWatch.MAX_FOLLOW_UPS);

        followUps.changed("site", serviceEvent("moving"), null);
        OptionalLong next = followUps.afterRead("site", System.nanoTime(), state(service("stuck", 1, 0), service("moving", 2, 1)), false);
        assertThat(next).as("moving is starting").isPresent();
        assertThat(followUps.afterRead("site", System.nanoTime(), stuck, false)).as("moving settled; stuck is not waited for again").isEmpty();
    }

    @Test
    void eachServiceIsCountedFromItsOwnLastEvent() {
        ClusterState stuck = state(service("stuck", 1, 0), service("moving", 2, 1));
        followUps.changed("site", serviceEvent("stuck"), null);
        for (int i = 0; i < ClusterWatch.MAX_FOLLOW_UPS - 1; i++) {
            followUps.afterRead("site", System.nanoTime(), stuck, false);
        }
        followUps.changed("site", serviceEvent("moving"), null); // a busy cluster: another change just before stuck's last
        followUps.afterRead("site", System.nanoTime(), stuck, false);
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("stuck", 1, 0), service("moving", 2, 2)), false))
                .as("stuck's re-reads ran out although another service changed meanwhile").isEmpty();
    }

    @Test
    void aNodesEventWaitsForEveryServiceAndOtherEventsForNone() {
        followUps.changed("site", event("{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":\"n1\"}}"), null);
        followUps.changed("site", event("{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{}}}"), null);
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("a", 1, 0)), false)).isEmpty();

        followUps.changed("site", event("{\"Type\":\"node\",\"Action\":\"update\",\"Actor\":{\"ID\":\"n1\"}}"), null);
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("a", 1, 1), service("b", 2, 1)), false)).isPresent();
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("a", 1, 1), service("b", 2, 2)), false)).isEmpty();
    }

    @Test
    void aChangeThatCameWhileTheReadRanIsJudgedByTheNextRead() {
        long readStarted = System.nanoTime();
        followUps.changed("site", serviceEvent("moving"), null); // a scale, as the read was under way

        assertThat(followUps.afterRead("site", readStarted, state(service("moving", 1, 1)), false))
                .as("the read saw the service before its change").isPresent();
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("moving", 2, 1)), false)).isPresent();
    }

    @Test
    void aNodesEventOnARegisteredClusterWaitsForTheServicesWithTasksThere() {
        SwarmTask onN1 = new SwarmTask("t1", "b.1", "b", "b", 1, "n1", "worker1", TaskState.RUNNING, TaskState.RUNNING, null,
                null, "ocr-worker:1.0", "c1", null, T, T, true);
        ClusterState known = new ClusterState(null, List.of(), List.of(service("stuck", 1, 0), service("b", 1, 1)), List.of(onN1));

        followUps.changed("site", event("{\"Type\":\"node\",\"Action\":\"update\",\"Actor\":{\"ID\":\"n1\"}}"), known);

        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("stuck", 1, 0), service("b", 1, 0)), false))
                .as("b lost its task there").isPresent();
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("stuck", 1, 0), service("b", 1, 1)), false))
                .as("b back; stuck has no task on that node").isEmpty();
    }

    @Test
    void aTasksContainerNamesItsServiceAndAStaleReadPausesItsFollowUps() {
        followUps.changed("site", event("{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":"
                + "{\"" + ClusterWatch.SERVICE_LABEL + "\":\"moving\"}}}"), null);
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("moving", 2, 1)), true)).isEmpty();
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("moving", 2, 1)), false)).as("the Engine back, still starting").isPresent();

        followUps.changed("site", serviceEvent("moving"), null);
        followUps.forget("site");
        assertThat(followUps.afterRead("site", System.nanoTime(), state(service("moving", 2, 1)), false)).isEmpty();
    }
}
