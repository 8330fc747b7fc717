package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which demotions keep a Swarm manageable, and the arithmetic the refusal gives. */
class RaftQuorumTest {

    private static SwarmNode manager(String name, ManagerStatus status) {
        return new SwarmNode(name, name, NodeRole.MANAGER, NodeAvailability.ACTIVE, NodeState.READY, status, null, null, null,
                null, null, 1, 1, null, null, Instant.EPOCH, Instant.EPOCH, 1);
    }

    private static SwarmNode worker(String name) {
        return new SwarmNode(name, name, NodeRole.WORKER, NodeAvailability.ACTIVE, NodeState.READY, null, null, null, null,
                null, null, 1, 1, null, null, Instant.EPOCH, Instant.EPOCH, 1);
    }

    @Test
    void aMajorityOfTheManagersMustStayReachable() {
        assertThat(RaftQuorum.needed(1)).isEqualTo(1);
        assertThat(RaftQuorum.needed(3)).isEqualTo(2);
        assertThat(RaftQuorum.needed(4)).isEqualTo(3);
        assertThat(new RaftQuorum(3, 3).faultTolerance()).isEqualTo(1);
        assertThat(new RaftQuorum(4, 4).faultTolerance()).as("an even count adds none").isEqualTo(1);
        assertThat(new RaftQuorum(5, 5).faultTolerance()).isEqualTo(2);
    }

    @Test
    void theLastManagerIsNeverDemoted() {
        SwarmNode only = manager("m1", ManagerStatus.LEADER);
        assertThat(RaftQuorum.of(List.of(only, worker("w1"))).refusalToDemote(only)).get().asString().contains("last manager");
        assertThat(RaftQuorum.of(List.of(only)).refusalToDemote(worker("w1"))).get().asString().contains("not a manager");
    }

    @Test
    void aDemotionThatLeavesTooFewReachableManagersIsRefusedWithTheArithmetic() {
        List<SwarmNode> nodes = new ArrayList<>(List.of(manager("m1", ManagerStatus.LEADER), manager("m2", ManagerStatus.REACHABLE),
                manager("m3", ManagerStatus.UNREACHABLE)));
        RaftQuorum quorum = RaftQuorum.of(nodes);
        assertThat(quorum).isEqualTo(new RaftQuorum(3, 2));
        assertThat(quorum.refusalToDemote(nodes.get(1))).get().asString()
                .isEqualTo("demoting m2 would leave 2 managers of which 1 are reachable, and 2 managers need 2 reachable to "
                        + "agree on anything: bring the unreachable managers back (or remove them) first");
        assertThat(quorum.refusalToDemote(nodes.get(2))).as("the unreachable one may go: 2 of 2 stay").isEmpty();
        assertThat(new RaftQuorum(3, 3).refusalToDemote(nodes.get(0))).isEmpty();
    }
}
