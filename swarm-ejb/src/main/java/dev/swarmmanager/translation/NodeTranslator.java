package dev.swarmmanager.translation;

import com.github.dockerjava.api.model.SwarmNodeDescription;
import com.github.dockerjava.api.model.SwarmNodeManagerStatus;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.SwarmNodeStatus;
import dev.swarmmanager.docker.Times;
import dev.swarmmanager.domain.ManagerStatus;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.SwarmNode;
import java.util.Locale;
import java.util.Optional;

/** docker-java's node model to ours: the one place that knows both. */
public final class NodeTranslator {

    private NodeTranslator() {
    }

    public static SwarmNode toNode(com.github.dockerjava.api.model.SwarmNode node) {
        SwarmNodeSpec spec = Optional.ofNullable(node.getSpec()).orElseGet(SwarmNodeSpec::new);
        SwarmNodeDescription description = Optional.ofNullable(node.getDescription()).orElseGet(SwarmNodeDescription::new);
        SwarmNodeStatus status = Optional.ofNullable(node.getStatus()).orElseGet(SwarmNodeStatus::new);
        SwarmNodeManagerStatus manager = node.getManagerStatus();
        var engine = description.getEngine();
        var platform = description.getPlatform();
        var resources = description.getResources();
        return new SwarmNode(
                node.getId(),
                description.getHostname(),
                spec.getRole() == null ? NodeRole.WORKER : NodeRole.valueOf(spec.getRole().name()),
                spec.getAvailability() == null ? NodeAvailability.ACTIVE : NodeAvailability.valueOf(spec.getAvailability().name()),
                status.getState() == null ? NodeState.UNKNOWN : NodeState.valueOf(status.getState().name()),
                managerStatus(manager),
                manager == null ? null : manager.getAddr(),
                status.getAddress(),
                engine == null ? null : engine.getEngineVersion(),
                platform == null ? null : platform.getOs(),
                platform == null ? null : platform.getArchitecture(),
                resources == null || resources.getNanoCPUs() == null ? 0 : resources.getNanoCPUs() / 1e9,
                resources == null || resources.getMemoryBytes() == null ? 0 : resources.getMemoryBytes(),
                spec.getLabels(),
                engine == null ? null : engine.getLabels(),
                Times.of(node.getCreatedAt()),
                Times.of(node.getUpdatedAt()),
                node.getVersion() == null || node.getVersion().getIndex() == null ? 0 : node.getVersion().getIndex());
    }

    private static ManagerStatus managerStatus(SwarmNodeManagerStatus manager) {
        if (manager == null) {
            return null;
        }
        if (manager.isLeader()) {
            return ManagerStatus.LEADER;
        }
        if (manager.getReachability() == null) {
            return ManagerStatus.UNKNOWN;
        }
        return switch (manager.getReachability().name().toLowerCase(Locale.ROOT)) {
            case "reachable" -> ManagerStatus.REACHABLE;
            case "unreachable" -> ManagerStatus.UNREACHABLE;
            default -> ManagerStatus.UNKNOWN;
        };
    }
}
