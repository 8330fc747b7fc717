package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One managed Swarm at a glance, as its last check found it.
 *
 * @param dockerHost where it is reached; null for a caller who is not an admin, as in every other answer
 * @param reasons why the verdict is not {@code healthy}: the nodes or managers missing, or why it cannot be reached
 * @param nodes null until the cluster has been read once
 * @param services null until the cluster has been read once
 * @param stale the last check failed, or none has been made yet: the counts are the last known ones
 */
public record ClusterOverview(String name, String dockerHost, boolean defaultCluster, OverallHealth health,
                              List<String> reasons, String swarmId, NodeHealth nodes, Integer services,
                              Instant checkedAt, boolean stale) implements Serializable {

    public ClusterOverview {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** The same overview for a caller who may not see where the cluster's Engine is. */
    public ClusterOverview withoutHost() {
        return new ClusterOverview(name, null, defaultCluster, health, reasons, swarmId, nodes, services, checkedAt, stale);
    }
}
