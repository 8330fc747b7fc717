package dev.swarmmanager.health.control;

import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.health.entity.ClusterState;
import dev.swarmmanager.nodes.control.NodeTranslator;
import dev.swarmmanager.services.control.ServiceTranslator;
import dev.swarmmanager.tasks.control.TaskTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Reads the whole cluster in three Engine calls: nodes, services, tasks. */
@ApplicationScoped
public class ClusterReader {

    @Inject
    DockerClient docker;

    @Inject
    DockerCalls calls;

    public ClusterState read() {
        var nodes = calls.call(() -> docker.listSwarmNodesCmd().exec());
        var services = calls.call(() -> docker.listServicesCmd().exec());
        var tasks = calls.call(() -> docker.listTasksCmd().exec());
        Map<String, String> hostnames = NodeTranslator.hostnamesById(nodes);
        Map<String, String> serviceNames = ServiceTranslator.namesById(services);
        return new ClusterState(
                nodes.stream().map(NodeTranslator::toNode).toList(),
                ServiceTranslator.withReplicaCounts(services, tasks),
                tasks.stream().map(t -> TaskTranslator.toTask(t, serviceNames, hostnames)).toList());
    }
}
