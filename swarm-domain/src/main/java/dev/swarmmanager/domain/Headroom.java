package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How many more tasks of a service the cluster can take now ("can I add 5 more OCR workers?"), node by node, judged
 * as Swarm's scheduler judges a new task: a node that is active and ready, meets the service's placement
 * constraints, has room under its {@code max_replicas_per_node}, and has the task's CPU and memory reservation
 * unreserved.
 *
 * @param additional the sum over the nodes; {@code null} when no bound applies (nothing reserved, no maximum per
 *                   node), and for a global service, which runs one task on every node that can take it and is not
 *                   given replicas (its nodes' rooms still say whether one more node could run its task)
 * @param requested  the number asked about, {@code null} when none was
 * @param enough     whether {@code requested} more fit, {@code null} when none was asked about
 */
public record Headroom(String service, ServiceMode mode, CpuMemory reservationPerTask, Long additional, Long requested,
                       Boolean enough, List<NodeRoom> nodes) implements Serializable {

    /**
     * @param fits      how many more tasks fit here, {@code null} for no bound
     * @param limitedBy what bounds it: {@code cpu}, {@code memory}, {@code max_replicas_per_node}, the unmet
     *                  constraint, or the node's availability or state; {@code null} when nothing does
     */
    public record NodeRoom(String hostname, Long fits, String limitedBy) implements Serializable {
    }

    public static Headroom of(ClusterState state, SwarmService service, Long requested) {
        Map<String, SwarmService> servicesById = new HashMap<>();
        state.services().forEach(s -> servicesById.put(s.id(), s));
        Map<String, List<SwarmService>> placed = ResourceUsage.tasksByNode(state, servicesById);
        CpuMemory need = service.resources().reservations();
        List<NodeRoom> rooms = new ArrayList<>();
        Long total = 0L;
        for (SwarmNode node : state.nodes()) {
            List<SwarmService> here = placed.getOrDefault(node.id(), List.of());
            NodeRoom room = roomOn(node, service, here, need);
            rooms.add(room);
            if (room.fits() == null) {
                total = null;
            } else if (total != null) {
                total += room.fits();
            }
        }
        if (service.mode() == ServiceMode.GLOBAL) {
            total = null;
        }
        Boolean enough = requested == null || service.mode() == ServiceMode.GLOBAL ? null : total == null || total >= requested;
        return new Headroom(service.name(), service.mode(), need, total, requested, enough, rooms);
    }

    private static NodeRoom roomOn(SwarmNode node, SwarmService service, List<SwarmService> here, CpuMemory need) {
        if (node.availability() != NodeAvailability.ACTIVE) {
            return new NodeRoom(node.hostname(), 0L, "availability " + node.availability());
        }
        if (node.state() != NodeState.READY) {
            return new NodeRoom(node.hostname(), 0L, "state " + node.state());
        }
        Optional<String> unmet = service.placement().unmetOn(node);
        if (unmet.isPresent()) {
            return new NodeRoom(node.hostname(), 0L, "constraint " + unmet.get());
        }
        CpuMemory free = ResourceUsage.usageOf(node, here).free();
        Long fits = null;
        String limitedBy = null;
        if (service.placement().maxReplicasPerNode() > 0) {
            long mine = here.stream().filter(s -> s.id().equals(service.id())).count();
            fits = Math.max(0, service.placement().maxReplicasPerNode() - mine);
            limitedBy = "max_replicas_per_node";
        }
        if (need.nanoCpus() > 0) {
            long byCpu = Math.max(0, free.nanoCpus() / need.nanoCpus());
            if (fits == null || byCpu < fits) {
                fits = byCpu;
                limitedBy = "cpu";
            }
        }
        if (need.memoryBytes() > 0) {
            long byMemory = Math.max(0, free.memoryBytes() / need.memoryBytes());
            if (fits == null || byMemory < fits) {
                fits = byMemory;
                limitedBy = "memory";
            }
        }
        return new NodeRoom(node.hostname(), fits, limitedBy);
    }
}
