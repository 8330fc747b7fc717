package dev.swarmmanager.health.entity;

import dev.swarmmanager.domain.SwarmInfo;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import java.util.List;

/**
 * Everything one refresh read from the Engine, translated.
 *
 * @param swarm the Swarm's identity, for the UI's header
 */
public record ClusterState(SwarmInfo swarm, List<SwarmNode> nodes, List<SwarmService> services, List<SwarmTask> tasks) {

    public ClusterState {
        nodes = List.copyOf(nodes);
        services = List.copyOf(services);
        tasks = List.copyOf(tasks);
    }
}
