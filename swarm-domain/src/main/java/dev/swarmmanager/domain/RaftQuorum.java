package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The Raft arithmetic of a Swarm's managers: {@code n} managers need a majority, {@code n/2 + 1}, reachable to
 * agree on any change; with fewer the cluster can no longer be managed until enough come back. Demoting a manager
 * changes both sides of that sum, which is what {@link #refusalToDemote} checks before anything is done.
 *
 * @param managers  the manager nodes
 * @param reachable how many of them the others reach now (the leader included)
 */
public record RaftQuorum(int managers, int reachable) implements Serializable {

    public static RaftQuorum of(List<SwarmNode> nodes) {
        int managers = 0;
        int reachable = 0;
        for (SwarmNode node : nodes) {
            if (node.isManager()) {
                managers++;
                if (isReachable(node)) {
                    reachable++;
                }
            }
        }
        return new RaftQuorum(managers, reachable);
    }

    /** The majority {@code managers} need: {@code managers/2 + 1}. */
    public static int needed(int managers) {
        return managers / 2 + 1;
    }

    /** How many managers may be lost while the rest still agree. */
    public int faultTolerance() {
        return Math.max(0, (managers - 1) / 2);
    }

    /**
     * Why demoting {@code node} must not be done, with the arithmetic; empty when it may.
     */
    public Optional<Phrase> refusalToDemote(SwarmNode node) {
        if (!node.isManager()) {
            return Optional.of(Phrase.of("nodes.not-manager", node.hostname()));
        }
        if (managers <= 1) {
            return Optional.of(Phrase.of("nodes.last-manager-demote", node.hostname()));
        }
        int after = managers - 1;
        int reachableAfter = reachable - (isReachable(node) ? 1 : 0);
        if (reachableAfter < needed(after)) {
            return Optional.of(Phrase.of("nodes.quorum", node.hostname(), after, reachableAfter, needed(after)));
        }
        return Optional.empty();
    }

    private static boolean isReachable(SwarmNode node) {
        return node.managerStatus() == ManagerStatus.LEADER || node.managerStatus() == ManagerStatus.REACHABLE;
    }
}
