package dev.swarmmanager.clusters.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
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
        followUps.changed("site", serviceEvent("moving"));

        assertThat(followUps.afterRead("site", state(service("moving", 2, 1)), false)).hasValue(ClusterWatch.followUpDelayMillis(1));
        assertThat(followUps.afterRead("site", state(service("moving", 2, 2)), false)).isEmpty();
        assertThat(followUps.afterRead("other", state(service("moving", 2, 1)), false)).as("another cluster's").isEmpty();
    }

    @Test
    void aServiceThatNeverStartsIsGivenUpOnAndNotWaitedForAtOthersChanges() {
        ClusterState stuck = state(service("stuck", 1, 0), service("moving", 2, 2));
        followUps.changed("site", serviceEvent("stuck"));
        int reads = 0;
        while (followUps.afterRead("site", stuck, false).isPresent()) {
            reads++;
        }
        assertThat(reads).isEqualTo(ClusterWatch.MAX_FOLLOW_UPS);

        followUps.changed("site", serviceEvent("moving"));
        OptionalLong next = followUps.afterRead("site", state(service("stuck", 1, 0), service("moving", 2, 1)), false);
        assertThat(next).as("moving is starting").isPresent();
        assertThat(followUps.afterRead("site", stuck, false)).as("moving settled; stuck is not waited for again").isEmpty();
    }

    @Test
    void eachServiceIsCountedFromItsOwnLastEvent() {
        ClusterState stuck = state(service("stuck", 1, 0), service("moving", 2, 1));
        followUps.changed("site", serviceEvent("stuck"));
        for (int i = 0; i < ClusterWatch.MAX_FOLLOW_UPS - 1; i++) {
            followUps.afterRead("site", stuck, false);
        }
        followUps.changed("site", serviceEvent("moving")); // a busy cluster: another change just before stuck's last
        followUps.afterRead("site", stuck, false);
        assertThat(followUps.afterRead("site", state(service("stuck", 1, 0), service("moving", 2, 2)), false))
                .as("stuck's re-reads ran out although another service changed meanwhile").isEmpty();
    }

    @Test
    void aNodesEventWaitsForEveryServiceAndOtherEventsForNone() {
        followUps.changed("site", event("{\"Type\":\"network\",\"Action\":\"connect\",\"Actor\":{\"ID\":\"n1\"}}"));
        followUps.changed("site", event("{\"Type\":\"container\",\"Action\":\"start\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":{}}}"));
        assertThat(followUps.afterRead("site", state(service("a", 1, 0)), false)).isEmpty();

        followUps.changed("site", event("{\"Type\":\"node\",\"Action\":\"update\",\"Actor\":{\"ID\":\"n1\"}}"));
        assertThat(followUps.afterRead("site", state(service("a", 1, 1), service("b", 2, 1)), false)).isPresent();
        assertThat(followUps.afterRead("site", state(service("a", 1, 1), service("b", 2, 2)), false)).isEmpty();
    }

    @Test
    void aTasksContainerNamesItsServiceAndAStaleReadPausesItsFollowUps() {
        followUps.changed("site", event("{\"Type\":\"container\",\"Action\":\"die\",\"Actor\":{\"ID\":\"c1\",\"Attributes\":"
                + "{\"" + ClusterWatch.SERVICE_LABEL + "\":\"moving\"}}}"));
        assertThat(followUps.afterRead("site", state(service("moving", 2, 1)), true)).isEmpty();
        assertThat(followUps.afterRead("site", state(service("moving", 2, 1)), false)).as("the Engine back, still starting").isPresent();

        followUps.changed("site", serviceEvent("moving"));
        followUps.forget("site");
        assertThat(followUps.afterRead("site", state(service("moving", 2, 1)), false)).isEmpty();
    }
}
