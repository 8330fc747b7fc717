package dev.swarmmanager.mirror.control;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.DetectedError;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.ManagerStatus;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeHealth;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.ServiceHealth;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import dev.swarmmanager.domain.ClusterState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Judges a cluster state. The verdict:
 * <ul>
 * <li>{@code unhealthy} when the cluster cannot be managed or run work: no leader, managers without a
 * quorum, or no ready node;</li>
 * <li>{@code degraded} when it runs but not as asked: a node down, a manager unreachable, a service short
 * of replicas;</li>
 * <li>{@code healthy} otherwise.</li>
 * </ul>
 * Pure, so every rule is unit-tested without Docker.
 */
public final class ClusterAssessment {

    /** The newest failures are the ones worth reading; older ones are still in {@code docker service ps}. */
    static final int MAX_ERRORS = 20;

    private ClusterAssessment() {
    }

    public static ClusterSnapshot assess(ClusterState state, Instant now) {
        NodeHealth nodes = nodeHealth(state.nodes());
        List<ServiceHealth> services = state.services().stream()
                .map(s -> new ServiceHealth(s.id(), s.name(), s.mode(), s.desiredReplicas(), s.runningReplicas(), s.isConverged()))
                .toList();
        List<String> critical = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!nodes.leaderPresent()) {
            critical.add("no manager is the leader");
        }
        if (nodes.managers() > 0 && nodes.managersReachable() <= nodes.managers() / 2) {
            critical.add("only " + nodes.managersReachable() + " of " + nodes.managers()
                    + " managers are reachable: the Swarm has lost its quorum");
        }
        if (nodes.ready() == 0) {
            critical.add("no node is ready");
        }
        for (SwarmNode node : state.nodes()) {
            if (!node.isReady()) {
                warnings.add("node " + node.hostname() + " is " + node.state());
            } else if (node.managerStatus() == ManagerStatus.UNREACHABLE) {
                warnings.add("manager " + node.hostname() + " is unreachable");
            }
        }
        for (ServiceHealth service : services) {
            if (!service.healthy()) {
                warnings.add("service " + service.name() + " runs " + service.runningReplicas() + " of "
                        + service.desiredReplicas() + " replicas");
            }
        }
        OverallHealth verdict = !critical.isEmpty() ? OverallHealth.UNHEALTHY
                : !warnings.isEmpty() ? OverallHealth.DEGRADED : OverallHealth.HEALTHY;
        List<String> reasons = new ArrayList<>(critical);
        reasons.addAll(warnings);
        HealthStatus health = new HealthStatus(verdict, reasons, nodes, services, taskSuccessRate(state.tasks()),
                errors(state.tasks()), now, false, 0);
        return new ClusterSnapshot(state.swarm(), state, health, statistics(state, nodes, now),
                state.nodes().stream().collect(Collectors.groupingBy(
                        n -> new ClusterSnapshot.NodeKind(n.role(), n.availability(), n.state()), Collectors.counting())),
                state.tasks().stream().collect(Collectors.groupingBy(SwarmTask::state, Collectors.counting())), false);
    }

    static NodeHealth nodeHealth(List<SwarmNode> nodes) {
        int ready = 0, down = 0, drained = 0, paused = 0, managers = 0, reachable = 0;
        boolean leader = false;
        List<String> unhealthy = new ArrayList<>();
        for (SwarmNode node : nodes) {
            if (node.isReady()) {
                ready++;
            } else {
                unhealthy.add(node.hostname());
                if (node.state() == NodeState.DOWN || node.state() == NodeState.DISCONNECTED) {
                    down++;
                }
            }
            if (node.availability() == NodeAvailability.DRAIN) {
                drained++;
            } else if (node.availability() == NodeAvailability.PAUSE) {
                paused++;
            }
            if (node.isManager()) {
                managers++;
                if (node.managerStatus() == ManagerStatus.LEADER || node.managerStatus() == ManagerStatus.REACHABLE) {
                    reachable++;
                }
                leader |= node.isLeader();
            }
        }
        return new NodeHealth(nodes.size(), ready, down, drained, paused, managers, reachable, leader, unhealthy);
    }

    /** Running or completed tasks among those that reached an outcome, in percent with one decimal. */
    static double taskSuccessRate(List<SwarmTask> tasks) {
        long good = tasks.stream().filter(t -> t.state() == TaskState.RUNNING || t.state() == TaskState.COMPLETE).count();
        long bad = tasks.stream().filter(t -> t.state().isFailure()).count();
        return good + bad == 0 ? 100.0 : Math.round(1000.0 * good / (good + bad)) / 10.0;
    }

    static List<DetectedError> errors(List<SwarmTask> tasks) {
        return tasks.stream()
                .filter(t -> t.state().isFailure())
                .sorted(Comparator.comparing(SwarmTask::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(MAX_ERRORS)
                .map(t -> new DetectedError(t.id(), t.serviceId(), t.serviceName(), t.nodeId(), t.state(),
                        t.error() != null ? t.error() : t.message(), t.updatedAt()))
                .toList();
    }

    /** @param nodes the node counts, as {@link #nodeHealth} made them from the same state */
    static ClusterStatistics statistics(ClusterState state, NodeHealth nodes, Instant now) {
        var cluster = new ClusterStatistics.Cluster(nodes.total(), nodes.managers(), nodes.total() - nodes.managers(),
                nodes.ready(), nodes.down(), nodes.drained());

        var services = state.services();
        int global = (int) services.stream().filter(s -> s.mode() == ServiceMode.GLOBAL).count();
        var serviceCounts = new ClusterStatistics.Services(services.size(), services.size() - global, global,
                services.stream().mapToLong(SwarmService::desiredReplicas).sum(),
                services.stream().mapToLong(SwarmService::runningReplicas).sum());

        int running = 0, pending = 0, failed = 0, complete = 0, shutdown = 0, other = 0;
        for (SwarmTask task : state.tasks()) {
            TaskState s = task.state();
            if (s == TaskState.RUNNING) {
                running++;
            } else if (s.isPending()) {
                pending++;
            } else if (s.isFailure()) {
                failed++;
            } else if (s == TaskState.COMPLETE) {
                complete++;
            } else if (s == TaskState.SHUTDOWN) {
                shutdown++;
            } else {
                other++;
            }
        }
        var tasks = new ClusterStatistics.Tasks(state.tasks().size(), running, pending, failed, complete, shutdown, other);
        return new ClusterStatistics(cluster, serviceCounts, tasks, now, false);
    }
}
