package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * The nodes' side of the cluster's health.
 *
 * @param unhealthyNodes the hostnames of nodes that are not ready, so an operator knows where to look
 */
public record NodeHealth(
        int total,
        int ready,
        int down,
        int drained,
        int paused,
        int managers,
        int managersReachable,
        boolean leaderPresent,
        List<String> unhealthyNodes) implements Serializable {

    public NodeHealth {
        unhealthyNodes = unhealthyNodes == null ? List.of() : List.copyOf(unhealthyNodes);
    }
}
