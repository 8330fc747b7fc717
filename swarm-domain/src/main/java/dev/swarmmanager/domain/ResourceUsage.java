package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's CPU and memory as Swarm's scheduler accounts for them, without an agent: each node's capacity
 * against the reservations and limits of the tasks meant to run on it, each service's share, and the totals over
 * the nodes that can take tasks. Reservations are what decide whether a task fits; limits say how much the tasks
 * could take at most, and say nothing for a task that has none.
 */
public record ResourceUsage(Totals totals, List<NodeUsage> nodes, List<ServiceUsage> services) implements Serializable {

    /**
     * @param capacity over the nodes that take tasks (active and ready)
     * @param free     capacity less reserved: what more tasks can reserve
     */
    public record Totals(int schedulableNodes, CpuMemory capacity, CpuMemory reserved, CpuMemory limits, CpuMemory free) implements Serializable {
    }

    /**
     * @param schedulable active and ready: the scheduler places new tasks here
     * @param unlimitedTasks tasks with no CPU or no memory limit, which {@code limits} does not bound
     */
    public record NodeUsage(String id, String hostname, boolean schedulable, CpuMemory capacity, CpuMemory reserved,
                            CpuMemory limits, CpuMemory free, int tasks, int unlimitedTasks) implements Serializable {
    }

    /**
     * @param replicas tasks Swarm wants running
     * @param reserved per task times replicas
     */
    public record ServiceUsage(String name, String stack, long replicas, ServiceResources perTask, CpuMemory reserved,
                               CpuMemory limits) implements Serializable {
    }

    public static ResourceUsage of(ClusterState state) {
        Map<String, SwarmService> servicesById = new HashMap<>();
        state.services().forEach(s -> servicesById.put(s.id(), s));
        Map<String, List<SwarmService>> placed = tasksByNode(state, servicesById);
        List<NodeUsage> nodes = new ArrayList<>();
        CpuMemory capacity = CpuMemory.NONE;
        CpuMemory reserved = CpuMemory.NONE;
        CpuMemory limits = CpuMemory.NONE;
        int schedulable = 0;
        for (SwarmNode node : state.nodes()) {
            NodeUsage usage = usageOf(node, placed.getOrDefault(node.id(), List.of()));
            nodes.add(usage);
            if (usage.schedulable()) {
                schedulable++;
                capacity = capacity.plus(usage.capacity());
                reserved = reserved.plus(usage.reserved());
                limits = limits.plus(usage.limits());
            }
        }
        List<ServiceUsage> services = state.services().stream()
                .map(s -> new ServiceUsage(s.name(), s.stack(), s.desiredReplicas(), s.resources(),
                        s.resources().reservations().times(s.desiredReplicas()), s.resources().limits().times(s.desiredReplicas())))
                .toList();
        return new ResourceUsage(new Totals(schedulable, capacity, reserved, limits, capacity.minus(reserved)), nodes, services);
    }

    /** Active and ready: where the scheduler places new tasks. */
    public static boolean isSchedulable(SwarmNode node) {
        return node.availability() == NodeAvailability.ACTIVE && node.state() == NodeState.READY;
    }

    static NodeUsage usageOf(SwarmNode node, List<SwarmService> tasksOf) {
        CpuMemory reserved = CpuMemory.NONE;
        CpuMemory limits = CpuMemory.NONE;
        int unlimited = 0;
        for (SwarmService service : tasksOf) {
            reserved = reserved.plus(service.resources().reservations());
            limits = limits.plus(service.resources().limits());
            if (service.resources().isUnlimited()) {
                unlimited++;
            }
        }
        CpuMemory capacity = new CpuMemory(node.cpus(), node.memoryBytes());
        return new NodeUsage(node.id(), node.hostname(), isSchedulable(node), capacity, reserved, limits,
                capacity.minus(reserved), tasksOf.size(), unlimited);
    }

    /**
     * Node ID to the service of each task that holds a reservation there. As Swarm's scheduler counts them: a task
     * assigned to a node holds its reservation until it has stopped, whatever its desired state (a task being shut
     * down by an update still holds it while it runs). The reservation is the service's as it is now.
     */
    static Map<String, List<SwarmService>> tasksByNode(ClusterState state, Map<String, SwarmService> servicesById) {
        Map<String, List<SwarmService>> placed = new HashMap<>();
        for (SwarmTask task : state.tasks()) {
            SwarmService service = servicesById.get(task.serviceId());
            if (task.nodeId() != null && service != null && holdsReservation(task.state())) {
                placed.computeIfAbsent(task.nodeId(), id -> new ArrayList<>()).add(service);
            }
        }
        return placed;
    }

    private static boolean holdsReservation(TaskState state) {
        return switch (state) {
            case COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED -> false;
            default -> true;
        };
    }
}
