package dev.swarmmanager.mirror.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.ManagerStatus;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.domain.ClusterState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterAssessmentTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void getHealthStatusOfAClusterThatRunsAsAskedIsHealthy() {
        HealthStatus health = ClusterAssessment.assess(state(
                List.of(manager("m1", ManagerStatus.LEADER), worker("w1", NodeState.READY, NodeAvailability.ACTIVE)),
                List.of(service("ocr", 2, 2)),
                List.of(task("ocr", TaskState.RUNNING, null), task("ocr", TaskState.RUNNING, null))), NOW).health();

        assertThat(health.overallHealth()).isEqualTo(OverallHealth.HEALTHY);
        assertThat(health.reasons()).isEmpty();
        assertThat(health.nodeHealth().ready()).isEqualTo(2);
        assertThat(health.nodeHealth().leaderPresent()).isTrue();
        assertThat(health.serviceHealth()).singleElement().satisfies(s -> assertThat(s.healthy()).isTrue());
        assertThat(health.taskSuccessRate()).isEqualTo(100.0);
        assertThat(health.checkedAt()).isEqualTo(NOW);
        assertThat(health.stale()).isFalse();
    }

    @Test
    void getHealthStatusNamesEveryReasonForDegradation() {
        HealthStatus health = ClusterAssessment.assess(state(
                List.of(manager("m1", ManagerStatus.LEADER), worker("w1", NodeState.DOWN, NodeAvailability.ACTIVE),
                        worker("w2", NodeState.READY, NodeAvailability.DRAIN)),
                List.of(service("ocr", 3, 1)),
                List.of(task("ocr", TaskState.RUNNING, null), task("ocr", TaskState.FAILED, "task: non-zero exit (3)"),
                        task("ocr", TaskState.COMPLETE, null), task("ocr", TaskState.SHUTDOWN, null))), NOW).health();

        assertThat(health.overallHealth()).isEqualTo(OverallHealth.DEGRADED);
        assertThat(health.reasons()).containsExactly("node w1 is down", "service ocr runs 1 of 3 replicas");
        assertThat(health.nodeHealth().down()).isEqualTo(1);
        assertThat(health.nodeHealth().drained()).isEqualTo(1);
        assertThat(health.nodeHealth().unhealthyNodes()).containsExactly("w1");
        assertThat(health.taskSuccessRate()).isEqualTo(66.7);
        assertThat(health.errors()).singleElement().satisfies(e -> {
            assertThat(e.error()).isEqualTo("task: non-zero exit (3)");
            assertThat(e.serviceName()).isEqualTo("ocr");
        });
    }

    @Test
    void getHealthStatusOfAClusterWithoutQuorumIsUnhealthy() {
        HealthStatus health = ClusterAssessment.assess(state(
                List.of(manager("m1", ManagerStatus.UNREACHABLE), manager("m2", ManagerStatus.UNREACHABLE),
                        manager("m3", ManagerStatus.REACHABLE)),
                List.of(), List.of()), NOW).health();

        assertThat(health.overallHealth()).isEqualTo(OverallHealth.UNHEALTHY);
        assertThat(health.reasons()).startsWith("no manager is the leader",
                "only 1 of 3 managers are reachable: the Swarm has lost its quorum");
        assertThat(health.reasons()).contains("node m1 is down", "node m2 is down");
    }

    @Test
    void errorsAreTheNewestFailuresFirstAndBounded() {
        List<SwarmTask> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tasks.add(new SwarmTask("t" + i, "ocr.1", "ocr-id", "ocr", 1, "n", "w1", TaskState.RUNNING, TaskState.FAILED,
                    "failed", "exit " + i, "ocr-worker:1.0", null, 1, NOW, NOW.plusSeconds(i), null));
        }
        var errors = ClusterAssessment.errors(tasks);
        assertThat(errors).hasSize(ClusterAssessment.MAX_ERRORS);
        assertThat(errors.get(0).error()).isEqualTo("exit 29");
    }

    @Test
    void getStatistics() {
        ClusterStatistics stats = ClusterAssessment.assess(state(
                List.of(manager("m1", ManagerStatus.LEADER), worker("w1", NodeState.READY, NodeAvailability.ACTIVE),
                        worker("w2", NodeState.DOWN, NodeAvailability.DRAIN)),
                List.of(service("ocr", 3, 2), global("monitor", 2, 2)),
                List.of(task("ocr", TaskState.RUNNING, null), task("ocr", TaskState.RUNNING, null),
                        task("ocr", TaskState.PREPARING, null), task("ocr", TaskState.FAILED, "boom"),
                        task("ocr", TaskState.REJECTED, "no suitable node"), task("ocr", TaskState.SHUTDOWN, null),
                        task("monitor", TaskState.RUNNING, null), task("monitor", TaskState.RUNNING, null),
                        task("monitor", TaskState.COMPLETE, null), task("monitor", TaskState.ORPHANED, null))), NOW).statistics();

        assertThat(stats.cluster()).isEqualTo(new ClusterStatistics.Cluster(3, 1, 2, 2, 1, 1));
        assertThat(stats.services()).isEqualTo(new ClusterStatistics.Services(2, 1, 1, 5, 4));
        assertThat(stats.tasks()).isEqualTo(new ClusterStatistics.Tasks(10, 4, 1, 2, 1, 1, 1));
        assertThat(stats.timestamp()).isEqualTo(NOW);
    }

    private static ClusterState state(List<SwarmNode> nodes, List<SwarmService> services, List<SwarmTask> tasks) {
        return new ClusterState(null, nodes, services, tasks);
    }

    private static SwarmNode manager(String name, ManagerStatus status) {
        return new SwarmNode(name + "-id", name, NodeRole.MANAGER, NodeAvailability.ACTIVE,
                status == ManagerStatus.UNREACHABLE ? NodeState.DOWN : NodeState.READY, status, name + ":2377",
                "198.18.0.1", "20.10.24", "linux", "x86_64", 2, 1L << 30, null, null, NOW, NOW, 1);
    }

    private static SwarmNode worker(String name, NodeState state, NodeAvailability availability) {
        return new SwarmNode(name + "-id", name, NodeRole.WORKER, availability, state, null, null,
                "198.18.0.2", "20.10.24", "linux", "x86_64", 2, 1L << 30, null, null, NOW, NOW, 1);
    }

    private static SwarmService service(String name, long desired, long running) {
        return new SwarmService(name + "-id", name, "ocr-worker:1.0", ServiceMode.REPLICATED, desired, running,
                null, null, null, null, NOW, NOW, 1, null, null, null);
    }

    private static SwarmService global(String name, long desired, long running) {
        return new SwarmService(name + "-id", name, "ocr-worker:1.0", ServiceMode.GLOBAL, desired, running,
                null, null, null, null, NOW, NOW, 1, null, null, null);
    }

    private static SwarmTask task(String service, TaskState state, String error) {
        return new SwarmTask("t-" + System.nanoTime(), service + ".1", service + "-id", service, 1, "w1-id", "w1",
                TaskState.RUNNING, state, state.toString(), error, "ocr-worker:1.0", null, null, NOW, NOW, null);
    }
}
