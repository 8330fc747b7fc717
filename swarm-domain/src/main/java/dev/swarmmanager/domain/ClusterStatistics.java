package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/** Counts of the cluster's nodes, services and tasks at {@link #timestamp()}. */
public record ClusterStatistics(Cluster cluster, Services services, Tasks tasks, Instant timestamp, boolean stale) implements Serializable {

    public record Cluster(int nodes, int managers, int workers, int ready, int down, int drained) implements Serializable {
    }

    public record Services(int total, int replicated, int global, long desiredReplicas, long runningReplicas) implements Serializable {
    }

    /**
     * @param pending tasks on their way up (new to starting)
     * @param failed failed or rejected
     * @param other complete, shutdown, orphaned and to-be-removed tasks still in Swarm's history
     */
    public record Tasks(int total, int running, int pending, int failed, int complete, int shutdown, int other) implements Serializable {
    }

    public ClusterStatistics asStale() {
        return new ClusterStatistics(cluster, services, tasks, timestamp, true);
    }
}
