package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The Swarm as seen from the engine Swarm Manager talks to, as {@code docker info} and
 * {@code docker swarm inspect} show it. Join tokens are deliberately absent: they are a secret, read
 * only through {@link JoinToken}.
 *
 * @param localNodeState {@code inactive} when the engine is in no Swarm; the cluster fields are then {@code null}
 * @param controlAvailable the engine is a manager, so Swarm Manager can manage the cluster through it
 * @param managerAddresses the addresses ({@code host:2377}) nodes join through
 */
public record SwarmInfo(
        LocalNodeState localNodeState,
        String nodeId,
        String nodeAddress,
        boolean controlAvailable,
        String clusterId,
        String name,
        Instant createdAt,
        Instant updatedAt,
        Long version,
        int managers,
        int nodes,
        List<String> managerAddresses,
        Integer taskHistoryLimit,
        Long heartbeatPeriodSeconds,
        Boolean autolock,
        String engineVersion) implements Serializable {

    public SwarmInfo {
        managerAddresses = managerAddresses == null ? List.of() : List.copyOf(managerAddresses);
    }
}
