package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterStateTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final ClusterState state = new ClusterState(null, List.of(),
            List.of(service("bbb111", "web", 2, 2), service("aaa111", "ocr", 1, 1), service("aaa222", "mail", 1, 1)),
            List.of(task("t1", "aaa111", 1, TaskState.RUNNING, TaskState.RUNNING),
                    task("t2", "bbb111", 1, TaskState.RUNNING, TaskState.RUNNING),
                    task("t3", "bbb111", 2, TaskState.RUNNING, TaskState.RUNNING)));

    @Test
    void servicesAreKeptInTheOrderOfDockerServiceLs() {
        assertThat(state.services()).extracting(SwarmService::name).containsExactly("mail", "ocr", "web");
    }

    @Test
    void aServiceIsFoundByIdThenNameThenAPrefixOnlyOneServiceHas() {
        assertThat(state.service("aaa111")).map(SwarmService::name).contains("ocr");
        assertThat(state.service("web")).map(SwarmService::id).contains("bbb111");
        assertThat(state.service("bbb")).map(SwarmService::name).contains("web");
        assertThat(state.service("aaa")).as("ambiguous prefix").isEmpty();
        assertThat(state.service("nothing")).isEmpty();
    }

    @Test
    void replacingOneServiceLeavesTheOthersAndTheirTasks() {
        ClusterState next = state.withService("bbb111", service("bbb111", "web", 3, 2),
                List.of(task("t2", "bbb111", 1, TaskState.RUNNING, TaskState.RUNNING),
                        task("t4", "bbb111", 3, TaskState.RUNNING, TaskState.PENDING)));

        assertThat(next.services()).extracting(SwarmService::name).containsExactly("mail", "ocr", "web");
        assertThat(next.service("web")).map(SwarmService::desiredReplicas).contains(3L);
        assertThat(next.tasksOf("bbb111")).extracting(SwarmTask::id).containsExactly("t2", "t4");
        assertThat(next.tasksOf("aaa111")).extracting(SwarmTask::id).containsExactly("t1");
        assertThat(state.tasksOf("bbb111")).as("the original is unchanged").extracting(SwarmTask::id).containsExactly("t2", "t3");
    }

    @Test
    void aServiceReadAsGoneIsTakenOutWithItsTasks() {
        ClusterState next = state.withService("bbb111", null, List.of());

        assertThat(next.services()).extracting(SwarmService::name).containsExactly("mail", "ocr");
        assertThat(next.tasks()).extracting(SwarmTask::id).containsExactly("t1");
    }

    @Test
    void aServiceHasSettledWhenAllItWantsRunsAndNoTaskIsOnItsWayUpOrDown() {
        assertThat(state.isSettled("bbb111")).isTrue();

        var scaledUp = state.withService("bbb111", service("bbb111", "web", 3, 2),
                List.of(task("t2", "bbb111", 1, TaskState.RUNNING, TaskState.RUNNING),
                        task("t3", "bbb111", 2, TaskState.RUNNING, TaskState.RUNNING),
                        task("t4", "bbb111", 3, TaskState.RUNNING, TaskState.STARTING)));
        assertThat(scaledUp.isSettled("bbb111")).isFalse();

        var stopping = state.withService("bbb111", service("bbb111", "web", 1, 1),
                List.of(task("t2", "bbb111", 1, TaskState.RUNNING, TaskState.RUNNING),
                        task("t3", "bbb111", 2, TaskState.SHUTDOWN, TaskState.RUNNING)));
        assertThat(stopping.isSettled("bbb111")).as("a task still running that should stop").isFalse();

        var afterFailure = state.withService("bbb111", service("bbb111", "web", 1, 1),
                List.of(task("t2", "bbb111", 1, TaskState.RUNNING, TaskState.RUNNING),
                        task("t3", "bbb111", 1, TaskState.SHUTDOWN, TaskState.FAILED)));
        assertThat(afterFailure.isSettled("bbb111")).as("failed history does not count").isTrue();

        SwarmService updating = new SwarmService("bbb111", "web", "ocr-worker:1.0", ServiceMode.REPLICATED, 1, 1, null, null, null,
                new UpdateStatus("updating", "update in progress", NOW, null), NOW, NOW, 2, null, null, null);
        var rolling = state.withService("bbb111", updating, List.of(task("t2", "bbb111", 1, TaskState.RUNNING, TaskState.RUNNING)));
        assertThat(rolling.isSettled("bbb111")).as("an update between two batches, its tasks all running").isFalse();

        assertThat(state.isSettled("gone")).isTrue();
    }

    @Test
    void aNodeChangeAffectsTheServicesMeantToRunThereAndTheGlobalOnes() {
        ClusterState withGlobal = new ClusterState(null, List.of(), List.of(service("aaa111", "ocr", 1, 1),
                new SwarmService("ggg111", "agent", "ocr-worker:1.0", ServiceMode.GLOBAL, 1, 1, null, null, null, null, NOW, NOW, 1, null, null, null)),
                List.of(task("t1", "aaa111", 1, TaskState.RUNNING, TaskState.RUNNING),
                        new SwarmTask("t9", "old.1", "old111", "old", 1, "w1-id", "w1", TaskState.SHUTDOWN,
                                TaskState.SHUTDOWN, null, null, "ocr-worker:1.0", null, null, NOW, NOW, null)));

        assertThat(withGlobal.servicesAffectedBy("w1-id")).containsExactlyInAnyOrder("aaa111", "ggg111");
        assertThat(withGlobal.servicesAffectedBy("w2-id")).containsExactly("ggg111");
    }

    @Test
    void tasksFollowTheHostnamesOfNodesReadAgain() {
        ClusterState unknownNode = new ClusterState(null, List.of(), List.of(service("aaa111", "ocr", 1, 1)),
                List.of(new SwarmTask("t1", "ocr.1", "aaa111", "ocr", 1, "w3-id", null, TaskState.RUNNING,
                        TaskState.RUNNING, null, null, "ocr-worker:1.0", null, null, NOW, NOW, null)));

        ClusterState next = unknownNode.withNodes(List.of(new SwarmNode("w3-id", "worker3", NodeRole.WORKER,
                NodeAvailability.ACTIVE, NodeState.READY, null, null, "198.18.0.23", "20.10.24", "linux", "x86_64", 2,
                1L << 30, null, null, NOW, NOW, 1)));

        assertThat(next.tasks()).extracting(SwarmTask::nodeHostname).containsExactly("worker3");
        assertThat(next.nodes()).extracting(SwarmNode::hostname).containsExactly("worker3");
    }

    private static SwarmService service(String id, String name, long desired, long running) {
        return new SwarmService(id, name, "ocr-worker:1.0", ServiceMode.REPLICATED, desired, running,
                null, null, null, null, NOW, NOW, 1, null, null, null);
    }

    private static SwarmTask task(String id, String serviceId, int slot, TaskState desired, TaskState state) {
        return new SwarmTask(id, "x." + slot, serviceId, "x", slot, "w1-id", "w1", desired, state, state.toString(),
                null, "ocr-worker:1.0", null, null, NOW, NOW, null);
    }
}
