package dev.swarmmanager.health.control;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ClusterInfo;
import com.github.dockerjava.api.model.Info;
import dev.swarmmanager.cluster.control.SwarmInfoTranslator;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.health.entity.ClusterState;
import dev.swarmmanager.nodes.control.NodeTranslator;
import dev.swarmmanager.services.control.ServiceTranslator;
import dev.swarmmanager.tasks.control.TaskTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Reads the whole cluster in four Engine calls: the engine's info (the Swarm's identity), nodes, services, tasks. */
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
}
