package dev.swarmmanager.mirror.entity;

import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.SwarmInfo;
import java.time.Instant;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.TaskState;
import java.util.List;
import java.util.Map;

/**
 * What the cache serves: the cluster as last read (the mirror the change feed compares), with health and
 * statistics computed together from that one read. Immutable,
 * so it is swapped whole and readers never see half a refresh.
 */
public record ClusterSnapshot(SwarmInfo swarm, ClusterState state, HealthStatus health, ClusterStatistics statistics,
                              Map<NodeKind, Long> nodeCounts, Map<TaskState, Long> taskCounts, boolean dockerUnavailable) {

    public ClusterSnapshot {
        state = state == null ? new ClusterState(null, List.of(), List.of(), List.of()) : state;
        nodeCounts = nodeCounts == null ? Map.of() : Map.copyOf(nodeCounts);
        taskCounts = taskCounts == null ? Map.of() : Map.copyOf(taskCounts);
    }

    /** The key of {@link #nodeCounts()}: nodes are counted by role, availability and state together. */
    public record NodeKind(NodeRole role, NodeAvailability availability, NodeState state) {
    }

    /** Before the first refresh: nothing is known yet, and the health says so. */
    public static ClusterSnapshot none(Instant now) {
        return new ClusterSnapshot(null, null,
                new HealthStatus(OverallHealth.UNHEALTHY, List.of("the cluster has not been read yet"),
                        null, List.of(), 0, List.of(), now, true, 0),
                null, Map.of(), Map.of(), false);
    }

    /**
     * The refresh failed: keep the last known detail, marked stale, under an unhealthy verdict with the reason.
     *
     * @param dockerUnavailable whether the Engine could not be reached at all (the pages show an outage banner)
     */
    public ClusterSnapshot failed(String reason, boolean dockerUnavailable, Instant now) {
        return new ClusterSnapshot(swarm, state, health.unreachable(reason, now), statistics == null ? null : statistics.asStale(),
                nodeCounts, taskCounts, dockerUnavailable);
    }
}
