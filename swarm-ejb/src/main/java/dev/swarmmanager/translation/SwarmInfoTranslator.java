package dev.swarmmanager.translation;

import com.github.dockerjava.api.model.ClusterInfo;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.PeerNode;
import com.github.dockerjava.api.model.SwarmSpec;
import dev.swarmmanager.docker.Times;
import dev.swarmmanager.domain.LocalNodeState;
import dev.swarmmanager.domain.SwarmInfo;
import java.util.List;

/** {@code docker info} and {@code docker swarm inspect} to our {@link SwarmInfo}. */
public final class SwarmInfoTranslator {

    private SwarmInfoTranslator() {
    }

    /** @param cluster {@code null} when the engine is not a manager (only managers can inspect the Swarm) */
    public static SwarmInfo toInfo(Info info, ClusterInfo cluster) {
        var swarm = info.getSwarm();
        LocalNodeState state = swarm == null || swarm.getLocalNodeState() == null ? LocalNodeState.INACTIVE
                : switch (swarm.getLocalNodeState()) {
                    case ACTIVE -> LocalNodeState.ACTIVE;
                    case PENDING -> LocalNodeState.PENDING;
                    case ERROR -> LocalNodeState.ERROR;
                    case LOCKED -> LocalNodeState.LOCKED;
                    default -> LocalNodeState.INACTIVE;
                };
        SwarmSpec spec = cluster == null ? null : cluster.getSpec();
        return new SwarmInfo(
                state,
                emptyToNull(swarm == null ? null : swarm.getNodeID()),
                emptyToNull(swarm == null ? null : swarm.getNodeAddr()),
                swarm != null && Boolean.TRUE.equals(swarm.getControlAvailable()),
                cluster == null ? null : cluster.getId(),
                spec == null ? null : spec.getName(),
                cluster == null ? null : Times.of(cluster.getCreatedAt()),
                cluster == null ? null : Times.of(cluster.getUpdatedAt()),
                cluster == null || cluster.getVersion() == null ? null : cluster.getVersion().getIndex(),
                swarm == null || swarm.getManagers() == null ? 0 : swarm.getManagers(),
                swarm == null || swarm.getNodes() == null ? 0 : swarm.getNodes(),
                managerAddresses(info),
                spec == null || spec.getOrchestration() == null ? null : spec.getOrchestration().getTaskHistoryRententionLimit(),
                spec == null || spec.getDispatcher() == null || spec.getDispatcher().getHeartbeatPeriod() == null ? null
                        : spec.getDispatcher().getHeartbeatPeriod() / 1_000_000_000L,
                null,
                info.getServerVersion());
    }

    public static List<String> managerAddresses(Info info) {
        var swarm = info.getSwarm();
        if (swarm == null || swarm.getRemoteManagers() == null) {
            return List.of();
        }
        return swarm.getRemoteManagers().stream().map(PeerNode::getAddr).sorted().toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
