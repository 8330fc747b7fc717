package dev.swarmmanager.nodes.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.docker.VersionedUpdate;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.WireName;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.translation.ClusterReader;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.translation.NodeTranslator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The Swarm's nodes, as a manager sees them. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional: no JTA transaction per call
public class Nodes {

    private static final String NODE = "node";

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
     * Sets whether the scheduler may use the node: {@code drain} also moves its tasks elsewhere, which is
     * how a node is emptied for maintenance; {@code active} brings it back.
     *
     * @param availability {@code active}, {@code pause} or {@code drain}; anything else changes nothing
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("nodes.update-availability")
    public SwarmNode updateAvailability(String reference, String availability) {
        NodeAvailability wanted = WireName.parse(NodeAvailability.class, "availability", availability);
        VersionedUpdate.retry(() -> {
            JsonNode node = engine.get(path(reference), NODE, reference);
            ObjectNode spec = (ObjectNode) node.path("Spec");
            spec.put("Availability", wanted.toString());
            engine.post(path(node.path("ID").asText()) + "/update?version=" + node.path("Version").path("Index").asLong(),
                    spec, NODE, reference);
        });
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
            String localNode = calls.call(() -> docker.infoCmd().exec().getSwarm().getNodeID());
            if (managers <= 1) {
                throw new OperationConflictException("node " + node.hostname()
                        + " is the last manager: removing it would destroy the Swarm");
            }
            if (node.id().equals(localNode)) {
                throw new OperationConflictException("node " + node.hostname()
                        + " is the manager Swarm Manager is connected through: connect through another manager first");
            }
            throw new OperationConflictException("node " + node.hostname()
                    + " is a manager: demote it to a worker (docker node demote) before removing it");
        }
        if (!force && node.state() != NodeState.DOWN) {
            throw new OperationConflictException("node " + node.hostname() + " is " + node.state()
                    + ", not down: shut it down or make it leave first, or remove it with force");
        }
        calls.run(NODE, reference, () -> docker.removeSwarmNodeCmd(node.id()).withForce(force).exec());
        mirror.refreshNodes();
    }

    private com.github.dockerjava.api.model.SwarmNode raw(String reference) {
        return engine.get(path(reference), com.github.dockerjava.api.model.SwarmNode.class, NODE, reference);
    }

    private static String path(String reference) {
        return "/nodes/" + EngineApi.segment(reference);
    }
}
