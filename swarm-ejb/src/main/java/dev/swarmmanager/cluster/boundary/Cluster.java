package dev.swarmmanager.cluster.boundary;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ClusterInfo;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.SwarmSpec;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.translation.SwarmInfoTranslator;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.JoinToken;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.SwarmInfo;
import dev.swarmmanager.domain.WireName;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.Stateless;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.docker.VersionedUpdate;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/** The Swarm that the configured engine belongs to, or would create. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional: no JTA transaction per call
public class Cluster {

    /** An IP address, an interface name, or a host name, each with an optional port. */
    private static final Pattern ADVERTISE_ADDR = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]%]{1,255}");

    @Inject
    DockerClient docker;

    @Inject
    DockerCalls calls;

    @Inject
    ClusterMirror mirror;

    @Inject
    EngineApi engine;

    /** Works whether or not the engine is in a Swarm: an engine in none reports {@code inactive}. */
    public SwarmInfo info() {
        Info info = calls.call(() -> docker.infoCmd().exec());
        boolean manager = info.getSwarm() != null && Boolean.TRUE.equals(info.getSwarm().getControlAvailable());
        ClusterInfo cluster = manager ? calls.call(() -> docker.inspectSwarmCmd().exec()) : null;
        return SwarmInfoTranslator.toInfo(info, cluster);
    }

    /**
     * Makes the engine the first manager of a new Swarm ({@code docker swarm init}).
     *
     * @param advertiseAddr the address other nodes reach this one on: an IP, an interface, optionally with a port
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("swarm.init")
    public SwarmInfo init(String advertiseAddr) {
        if (advertiseAddr == null || advertiseAddr.isBlank()) {
            throw new InvalidRequestException("advertise_addr", "cluster.advertise-required");
        }
        String addr = advertiseAddr.trim();
        if (!ADVERTISE_ADDR.matcher(addr).matches()) {
            throw new InvalidRequestException("advertise_addr", "cluster.advertise", advertiseAddr);
        }
        calls.run(null, null, () -> docker.initializeSwarmCmd(new SwarmSpec())
                .withAdvertiseAddr(addr)
                .withListenAddr("0.0.0.0:2377")
                .exec());
        mirror.refresh();
        return info();
    }

    /**
     * Takes the engine out of its Swarm ({@code docker swarm leave}). A manager leaves only with {@code force},
     * since that can cost the cluster its quorum; the Engine's own refusal says so.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("swarm.leave")
    public void leave(boolean force) {
        calls.run(null, null, () -> docker.leaveSwarmCmd().withForceEnabled(force).exec());
        mirror.refresh();
    }

    /** The secret with which a new node joins in {@code role}: {@code worker} or {@code manager}. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("swarm.join-token")
    public JoinToken joinToken(String role) {
        NodeRole wanted = WireName.parse(NodeRole.class, "role", role);
        Info info = calls.call(() -> docker.infoCmd().exec());
        if (info.getSwarm() == null || !Boolean.TRUE.equals(info.getSwarm().getControlAvailable())) {
            throw new OperationConflictException("cluster.not-manager");
        }
        var tokens = calls.call(() -> docker.inspectSwarmCmd().exec()).getJoinTokens();
        String token = wanted == NodeRole.MANAGER ? tokens.getManager() : tokens.getWorker();
        List<String> addresses = SwarmInfoTranslator.managerAddresses(info);
        String command = "docker swarm join --token " + token + (addresses.isEmpty() ? "" : " " + addresses.get(0));
        return new JoinToken(wanted, token, addresses, command);
    }

    /**
     * Replaces the join token of {@code role} ({@code docker swarm join-token --rotate}): the old one stops working for
     * new nodes, nodes already joined stay. Do it when a token may have leaked. The Swarm's spec is written back at the
     * version read, every other setting unchanged.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("swarm.rotate-join-token")
    public JoinToken rotateJoinToken(String role) {
        NodeRole wanted = WireName.parse(NodeRole.class, "role", role);
        joinToken(role); // refused (409) when this engine is not a manager, before anything changes
        VersionedUpdate.retry(() -> {
            JsonNode swarm = engine.get("/swarm", null, null); // the Swarm itself: no name to check
            engine.post("/swarm/update?version=" + swarm.path("Version").path("Index").asLong()
                    + (wanted == NodeRole.MANAGER ? "&rotateManagerToken=true" : "&rotateWorkerToken=true"), swarm.path("Spec"), null, null);
        });
        return joinToken(role);
    }
}
