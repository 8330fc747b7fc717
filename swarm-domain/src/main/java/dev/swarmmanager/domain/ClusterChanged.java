package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The changes one refresh of the mirror found, fired for whoever keeps them (the event history).
 *
 * @param cluster the managed Swarm that changed ({@code default} for the server's own)
 * @param state the cluster after the changes, to name what a change only refers to (a task's service and stack)
 */
public record ClusterChanged(String cluster, Instant at, List<ClusterChange> changes, ClusterState state) implements Serializable {

    public ClusterChanged {
        changes = List.copyOf(changes);
    }
}
