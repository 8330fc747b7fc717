package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One node of the Swarm, as {@code docker node ls} and {@code docker node inspect} show it.
 *
 * @param managerStatus {@code null} for a worker
 * @param managerAddress the address other managers reach it on, {@code null} for a worker
 * @param cpus the node's CPUs as the engine reports them (fractions possible)
 */
public record SwarmNode(
        String id,
        String hostname,
        NodeRole role,
        NodeAvailability availability,
        NodeState state,
        ManagerStatus managerStatus,
        String managerAddress,
        String address,
        String engineVersion,
        String os,
        String architecture,
        double cpus,
        long memoryBytes,
        Map<String, String> labels,
        Map<String, String> engineLabels,
        Instant createdAt,
        Instant updatedAt,
        long version) implements Serializable {

    /** The fields the nodes list sorts by ({@code sort=}). */
    public static final Ordering<SwarmNode> ORDERING = Ordering.<SwarmNode>of()
            .by("hostname", SwarmNode::hostname)
            .byWord("role", SwarmNode::role)
            .byWord("availability", SwarmNode::availability)
            .byWord("state", SwarmNode::state)
            .by("address", SwarmNode::address)
            .by("engine", SwarmNode::engineVersion)
            .by("cpus", SwarmNode::cpus)
            .by("memory", SwarmNode::memoryBytes)
            .by("created", SwarmNode::createdAt);

    public SwarmNode {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        engineLabels = engineLabels == null ? Map.of() : Map.copyOf(engineLabels);
    }

    public boolean isManager() {
        return role == NodeRole.MANAGER;
    }

    public boolean isReady() {
        return state == NodeState.READY;
    }

    public boolean isLeader() {
        return managerStatus == ManagerStatus.LEADER;
    }

    /** Node ID to hostname (null while a node has not said), for showing where tasks run. */
    public static Map<String, String> hostnamesById(Collection<SwarmNode> nodes) {
        Map<String, String> hostnames = new HashMap<>();
        nodes.forEach(node -> hostnames.put(node.id(), node.hostname()));
        return hostnames;
    }
}
