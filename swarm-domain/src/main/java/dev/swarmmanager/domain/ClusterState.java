package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster as the mirror knows it, translated. Immutable; the lists are kept in the order the {@code docker}
 * CLI shows them, so a read from the mirror costs no sorting.
 *
 * @param swarm the Swarm's identity, for the UI's header
 */
public record ClusterState(SwarmInfo swarm, List<SwarmNode> nodes, List<SwarmService> services, List<SwarmTask> tasks) implements Serializable {

    /** {@code docker node ls}: managers first, then by hostname. */
    public static final Comparator<SwarmNode> NODE_ORDER = Comparator.comparing(SwarmNode::role).reversed()
            .thenComparing(SwarmNode::hostname, Comparator.nullsLast(Comparator.naturalOrder()));

    /** {@code docker service ls}: by name. */
    public static final Comparator<SwarmService> SERVICE_ORDER = Comparator.comparing(SwarmService::name);

    /** {@code docker service ps}: by slot, newest first within a slot. */
    public static final Comparator<SwarmTask> TASK_ORDER = Comparator
            .comparing((SwarmTask t) -> t.slot() == null ? 0 : t.slot())
            .thenComparing(SwarmTask::createdAt, Comparator.nullsLast(Comparator.reverseOrder()));

    public ClusterState {
        nodes = nodes.stream().sorted(NODE_ORDER).toList();
        services = services.stream().sorted(SERVICE_ORDER).toList();
        tasks = List.copyOf(tasks);
    }

    /**
     * The same cluster with one service and its tasks as just read; the rest is left as it was.
     *
     * @param serviceId    the service read
     * @param service      what was read, {@code null} when the service is gone
     * @param serviceTasks all its tasks, current and past
     */
    public ClusterState withService(String serviceId, SwarmService service, List<SwarmTask> serviceTasks) {
        List<SwarmService> otherServices = new ArrayList<>(services.size() + 1);
        for (SwarmService s : services) {
            if (!s.id().equals(serviceId)) {
                otherServices.add(s);
            }
        }
        List<SwarmTask> otherTasks = new ArrayList<>(tasks.size() + serviceTasks.size());
        for (SwarmTask t : tasks) {
            if (!serviceId.equals(t.serviceId())) {
                otherTasks.add(t);
            }
        }
        if (service != null) {
            otherServices.add(service);
            otherTasks.addAll(serviceTasks);
        }
        return new ClusterState(swarm, nodes, otherServices, otherTasks);
    }

    /** The same cluster with the nodes as just read; tasks on a node whose hostname changed (or was unknown) follow. */
    public ClusterState withNodes(List<SwarmNode> newNodes) {
        Map<String, String> hostnames = SwarmNode.hostnamesById(newNodes);
        List<SwarmTask> relabelled = tasks.stream()
                .map(t -> t.nodeId() == null || Objects.equals(hostnames.get(t.nodeId()), t.nodeHostname()) ? t
                        : t.withNodeHostname(hostnames.get(t.nodeId())))
                .toList();
        return new ClusterState(swarm, newNodes, services, relabelled);
    }

    /**
     * Finds a service as Docker does: by full ID, then by name, then by an ID prefix that only one service has.
     */
    public Optional<SwarmService> service(String reference) {
        SwarmService byPrefix = null;
        int prefixMatches = 0;
        for (SwarmService s : services) {
            if (s.id().equals(reference)) {
                return Optional.of(s);
            }
            if (s.id().startsWith(reference)) {
                byPrefix = s;
                prefixMatches++;
            }
        }
        Optional<SwarmService> byName = services.stream().filter(s -> s.name().equals(reference)).findFirst();
        return byName.isPresent() ? byName : prefixMatches == 1 ? Optional.of(byPrefix) : Optional.empty();
    }

    /** The service's tasks, current and past, in {@link #TASK_ORDER}. */
    public List<SwarmTask> tasksOf(String serviceId) {
        return tasks.stream().filter(t -> serviceId.equals(t.serviceId())).sorted(TASK_ORDER).toList();
    }

    /**
     * The services whose tasks a change of the node may move: those with a task meant to run there, and the
     * global ones (which start a task on a node that becomes available).
     */
    public Set<String> servicesAffectedBy(String nodeId) {
        Set<String> affected = new HashSet<>();
        for (SwarmTask t : tasks) {
            if (nodeId.equals(t.nodeId()) && t.desiredState() == TaskState.RUNNING) {
                affected.add(t.serviceId());
            }
        }
        services.stream().filter(s -> s.mode() == ServiceMode.GLOBAL).forEach(s -> affected.add(s.id()));
        return affected;
    }

    /**
     * Whether Swarm is done with the service for now: as many tasks running as desired, none on its way up or
     * down, and no update or rollback rolling. The Engine sends no events when a task changes state on another node, so until a service has
     * settled the mirror reads it again.
     */
    public boolean isSettled(String serviceId) {
        Optional<SwarmService> service = services.stream().filter(s -> s.id().equals(serviceId)).findFirst();
        if (service.isEmpty()) {
            return true;
        }
        if (service.get().runningReplicas() != service.get().desiredReplicas()) {
            return false;
        }
        UpdateStatus update = service.get().updateStatus();
        if (update != null && update.state() != null && (update.state().equals("updating") || update.state().startsWith("rollback_started"))) {
            // A rolling update replaces tasks one batch after another, on nodes whose changes send no event here.
            return false;
        }
        for (SwarmTask t : tasks) {
            if (serviceId.equals(t.serviceId()) && t.state() != t.desiredState() && !isFinal(t.state())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isFinal(TaskState state) {
        return state.isFailure() || state == TaskState.COMPLETE || state == TaskState.SHUTDOWN
                || state == TaskState.REMOVE || state == TaskState.ORPHANED;
    }
}
