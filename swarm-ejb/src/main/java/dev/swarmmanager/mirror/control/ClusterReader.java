package dev.swarmmanager.mirror.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ClusterInfo;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Service;
import dev.swarmmanager.cluster.control.SwarmInfoTranslator;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.mirror.entity.ClusterState;
import dev.swarmmanager.nodes.control.NodeTranslator;
import dev.swarmmanager.services.control.ServiceTranslator;
import dev.swarmmanager.tasks.control.TaskTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * Reads the cluster from the Engine: all of it in four calls (the engine's info for the Swarm's identity, nodes,
 * services, tasks), or only what an event says changed.
 */
@ApplicationScoped
public class ClusterReader {

    @Inject
    DockerClient docker;

    @Inject
    DockerCalls calls;

    @Inject
    EngineApi engine;

    public ClusterState read() {
        // Raw: docker-java reads the Swarm's identity from "ClusterInfo", but the Engine sends it as "Cluster".
        var infoJson = engine.get("/info", null, null);
        var info = engine.as(infoJson, Info.class);
        var cluster = infoJson.path("Swarm").path("Cluster");
        var nodes = calls.call(() -> docker.listSwarmNodesCmd().exec());
        var services = calls.call(() -> docker.listServicesCmd().exec());
        var tasks = calls.call(() -> docker.listTasksCmd().exec());
        Map<String, String> hostnames = NodeTranslator.hostnamesById(nodes);
        Map<String, String> serviceNames = ServiceTranslator.namesById(services);
        return new ClusterState(
                SwarmInfoTranslator.toInfo(info, cluster.isObject() ? engine.as(cluster, ClusterInfo.class) : null),
                nodes.stream().map(NodeTranslator::toNode).toList(),
                ServiceTranslator.withReplicaCounts(services, tasks),
                tasks.stream().map(t -> TaskTranslator.toTask(t, serviceNames, hostnames)).toList());
    }

    /**
     * One service and all its tasks, in two Engine calls.
     *
     * @param reference the service's ID or name
     * @param nodeHostnames node IDs to hostnames, for the tasks' nodes
     */
    public ServiceRead readService(String reference, Map<String, String> nodeHostnames) {
        Service service;
        try {
            service = calls.call("service", reference, () -> docker.inspectServiceCmd(reference).exec());
        } catch (ResourceNotFoundException gone) {
            return new ServiceRead(null, List.of());
        }
        var tasks = calls.call(() -> docker.listTasksCmd().withServiceFilter(service.getId()).exec());
        Map<String, String> names = Map.of(service.getId(), service.getSpec().getName());
        return new ServiceRead(ServiceTranslator.withReplicaCounts(List.of(service), tasks).get(0),
                tasks.stream().map(t -> TaskTranslator.toTask(t, names, nodeHostnames)).toList());
    }

    /** The nodes, in one Engine call. */
    public List<SwarmNode> readNodes() {
        return calls.call(() -> docker.listSwarmNodesCmd().exec()).stream().map(NodeTranslator::toNode).toList();
    }

    /**
     * @param service {@code null} when there is no such service (any more)
     * @param tasks all its tasks, current and past
     */
    public record ServiceRead(SwarmService service, List<SwarmTask> tasks) {
    }
}
