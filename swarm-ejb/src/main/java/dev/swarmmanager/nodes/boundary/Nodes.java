package dev.swarmmanager.nodes.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.docker.VersionedUpdate;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.RaftQuorum;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.WireName;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.security.ClusterRoles;
import dev.swarmmanager.translation.ClusterReader;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.translation.NodeTranslator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The Swarm's nodes, as a manager sees them. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional: no JTA transaction per call
public class Nodes {

    private static final String NODE = "node";
    /** Node labels are what placement constraints ({@code node.labels.zone == eu}) select on: keys they can name. */
    static final int MAX_LABELS = 100;
    // Swarm's own rule for the keys of constraints (node.labels.<key>), so that every label can be selected on.
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{1,127}");
    private static final int MAX_LABEL_VALUE = 1024;

    @Inject
    DockerClient docker;

    @Inject
    DockerCalls calls;

    /** Nodes are inspected and updated through the raw API: docker-java has no call to inspect one node. */
    @Inject
    EngineApi engine;

    @Inject
    ClusterMirror mirror;

    @Inject
    ClusterReader reader;

    @Inject
    SecurityContext security;

    /** The caller\'s roles on the cluster this call works on (narrower than the container\'s on some). */
    @Inject
    ClusterRoles clusterRoles;

    /**
     * Managers first, then by hostname: the order of {@code docker node ls}. From the mirror; from Docker only
     * when the mirror is not current.
     */
    public List<SwarmNode> list() {
        return mirror.current().map(ClusterState::nodes)
                .orElseGet(() -> reader.readNodes().stream().sorted(ClusterState.NODE_ORDER).toList());
    }

    /** @param reference the node's ID, ID prefix or hostname */
    public SwarmNode inspect(String reference) {
        return NodeTranslator.toNode(raw(reference));
    }

    /**
     * The tasks Swarm assigned to the node, current and past ({@code docker node ps}): by service, then as
     * {@code docker service ps} orders them. From the mirror; from Docker only when the mirror is not current.
     */
    public List<SwarmTask> tasks(String reference) {
        SwarmNode node = inspect(reference);
        ClusterState state = mirror.current().orElseGet(reader::read);
        return state.tasks().stream().filter(t -> node.id().equals(t.nodeId()))
                .sorted(java.util.Comparator.comparing(SwarmTask::serviceName, java.util.Comparator.nullsLast(java.util.Comparator.<String>naturalOrder()))
                        .thenComparing(ClusterState.TASK_ORDER))
                .map(t -> t.nodeHostname() == null ? t.withNodeHostname(node.hostname()) : t)
                .toList();
    }

    /**
     * Sets whether the scheduler may use the node: {@code drain} also moves its tasks elsewhere, which is
     * how a node is emptied for maintenance; {@code active} brings it back.
     *
     * @param availability {@code active}, {@code pause} or {@code drain}; anything else changes nothing
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("nodes.update-availability")
    public SwarmNode updateAvailability(String reference, String availability) {
        NodeAvailability wanted = WireName.parse(NodeAvailability.class, "availability", availability);
        updateSpec(reference, spec -> spec.put("Availability", wanted.toString()));
        mirror.refreshNodes();
        return inspect(reference);
    }

    /**
     * Removes a node from the Swarm. A node that is still up is removed only with {@code force}, as with
     * {@code docker node rm}. A manager is never removed here: removing the last one would destroy the
     * cluster, and removing the one this application talks through would cut it off.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("nodes.remove")
    public void remove(String reference, boolean force) {
        SwarmNode node = inspect(reference);
        if (node.isManager()) {
            long managers = list().stream().filter(SwarmNode::isManager).count();
            String localNode = localNodeId();
            if (managers <= 1) {
                throw new OperationConflictException("nodes.last-manager", node.hostname());
            }
            if (node.id().equals(localNode)) {
                throw new OperationConflictException("nodes.connected-through", node.hostname());
            }
            throw new OperationConflictException("nodes.manager", node.hostname());
        }
        if (!force && node.state() != NodeState.DOWN) {
            throw new OperationConflictException("nodes.not-down", node.hostname(), node.state());
        }
        calls.run(NODE, reference, () -> docker.removeSwarmNodeCmd(node.id()).withForce(force).exec());
        mirror.refreshNodes();
    }

    /**
     * Promotes a worker to a manager or demotes a manager to a worker ({@code docker node promote|demote}). A demotion
     * that would lose the Raft quorum, of the last manager, or of the manager Swarm Manager is connected through is
     * refused with the reason, and nothing changes.
     *
     * @param role {@code manager} or {@code worker}
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("nodes.change-role")
    public SwarmNode changeRole(String reference, String role) {
        NodeRole wanted = WireName.parse(NodeRole.class, "role", role);
        SwarmNode node = inspect(reference);
        if (node.role() == wanted) {
            return node;
        }
        if (wanted == NodeRole.WORKER) {
            RaftQuorum.of(reader.readNodes()).refusalToDemote(node).ifPresent(reason -> {
                throw new OperationConflictException(reason);
            });
            if (node.id().equals(localNodeId())) {
                throw new OperationConflictException("nodes.connected-through", node.hostname());
            }
        }
        updateSpec(node.id(), spec -> spec.put("Role", wanted.toString()));
        mirror.refreshNodes();
        return inspect(reference);
    }

    /**
     * Replaces the node's labels with {@code labels} ({@code docker node update --label-add/--label-rm}, as one
     * versioned write): keys as placement constraints can name them, at most {@value #MAX_LABELS}.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("nodes.update-labels")
    public SwarmNode replaceLabels(String reference, Map<String, String> labels) {
        if (labels.size() > MAX_LABELS) {
            throw new InvalidRequestException("labels", "nodes.too-many-labels", MAX_LABELS);
        }
        labels.forEach((key, value) -> {
            if (key == null || !LABEL_KEY.matcher(key).matches()) {
                throw new InvalidRequestException("labels", "nodes.label-key");
            }
            if (value == null || value.length() > MAX_LABEL_VALUE || value.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidRequestException("labels", "nodes.label-value", key, MAX_LABEL_VALUE);
            }
        });
        SwarmNode node = inspect(reference);
        if (node.isManager() && !clusterRoles.has(Role.ADMIN)) {
            // A label on a manager would let a placement constraint on it bring workloads to the managers, which the
            // deployment policy keeps for admins.
            throw new EJBAccessException("the labels of a manager are changed by admins");
        }
        updateSpec(node.id(), spec -> {
            ObjectNode replaced = spec.putObject("Labels");
            new java.util.TreeMap<>(labels).forEach(replaced::put);
        });
        mirror.refreshNodes();
        return inspect(reference);
    }

    /** A read-modify-write of the node's spec at the version read, retried on a concurrent change. */
    private void updateSpec(String reference, java.util.function.Consumer<ObjectNode> change) {
        VersionedUpdate.retry(() -> {
            JsonNode node = engine.get(path(reference), NODE, reference);
            ObjectNode spec = (ObjectNode) node.path("Spec");
            change.accept(spec);
            engine.post(path(node.path("ID").asText()) + "/update?version=" + node.path("Version").path("Index").asLong(),
                    spec, NODE, reference);
        });
    }

    private String localNodeId() {
        return calls.call(() -> docker.infoCmd().exec().getSwarm().getNodeID());
    }

    private com.github.dockerjava.api.model.SwarmNode raw(String reference) {
        return engine.get(path(reference), com.github.dockerjava.api.model.SwarmNode.class, NODE, reference);
    }

    private static String path(String reference) {
        return "/nodes/" + EngineApi.segment(reference);
    }
}
