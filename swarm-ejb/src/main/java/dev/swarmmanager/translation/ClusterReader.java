package dev.swarmmanager.translation;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ClusterInfo;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.TaskState;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.rules.PolicyConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
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

    @Inject
    PolicyConfiguration policy;

    public ClusterState read() {
        // Raw: docker-java reads the Swarm's identity from "ClusterInfo", but the Engine sends it as "Cluster".
        var infoJson = engine.get("/info", null, null);
        var info = engine.as(infoJson, Info.class);
        var cluster = infoJson.path("Swarm").path("Cluster");
        var nodes = calls.call(() -> docker.listSwarmNodesCmd().exec());
        var servicesJson = engine.get("/services", null, null);
        var services = services(servicesJson);
        var tasks = calls.call(() -> docker.listTasksCmd().exec());
        List<SwarmNode> swarmNodes = nodes.stream().map(NodeTranslator::toNode).toList();
        Map<String, String> hostnames = SwarmNode.hostnamesById(swarmNodes);
        Map<String, String> serviceNames = ServiceTranslator.namesById(services);
        var templates = TaskTranslator.templates(services);
        return new ClusterState(
                SwarmInfoTranslator.toInfo(info, cluster.isObject() ? engine.as(cluster, ClusterInfo.class) : null),
                swarmNodes,
                withPrivileges(ServiceTranslator.withReplicaCounts(services, tasks), servicesJson),
                tasks.stream().map(t -> TaskTranslator.toTask(t, serviceNames, hostnames, templates)).toList());
    }

    /** The services with their replica counts, in two Engine calls (the services, the tasks meant to run). */
    public List<SwarmService> readServices() {
        var servicesJson = engine.get("/services", null, null);
        var tasks = calls.call(() -> docker.listTasksCmd().withStateFilter(TaskState.RUNNING).exec());
        return withPrivileges(ServiceTranslator.withReplicaCounts(services(servicesJson), tasks), servicesJson);
    }

    /**
     * Read as the Engine's JSON (docker-java's model drops capabilities and other fields the deployment policy
     * judges), translated from there.
     */
    private List<Service> services(JsonNode array) {
        List<Service> services = new ArrayList<>();
        array.forEach(service -> services.add(engine.as(service, Service.class)));
        return services;
    }

    /** Each service with the host privileges its spec holds, as the deployment policy names them. */
    private List<SwarmService> withPrivileges(List<SwarmService> services, JsonNode json) {
        Map<String, List<String>> held = new HashMap<>();
        json.forEach(service -> held.put(service.path("ID").asText(), privileges(service)));
        return services.stream().map(s -> s.withPrivileges(held.getOrDefault(s.id(), List.of()))).toList();
    }

    private List<String> privileges(JsonNode service) {
        return policy.rules().privileges("services." + service.path("Spec").path("Name").asText(), service.path("Spec"))
                .stream().map(v -> v.rule() + " " + v.value()).toList();
    }

    /**
     * One service and all its tasks, in two Engine calls.
     *
     * @param reference the service's ID or name
     * @param nodeHostnames node IDs to hostnames, for the tasks' nodes
     */
    public ServiceRead readService(String reference, Map<String, String> nodeHostnames) {
        JsonNode json;
        try {
            json = engine.get("/services/" + EngineApi.segment(reference), "service", reference);
        } catch (ResourceNotFoundException gone) {
            return new ServiceRead(null, List.of());
        }
        Service service = engine.as(json, Service.class);
        var tasks = calls.call(() -> docker.listTasksCmd().withServiceFilter(service.getId()).exec());
        Map<String, String> names = Map.of(service.getId(), service.getSpec().getName());
        var templates = TaskTranslator.templates(List.of(service));
        return new ServiceRead(ServiceTranslator.withReplicaCounts(List.of(service), tasks).get(0).withPrivileges(privileges(json)),
                tasks.stream().map(t -> TaskTranslator.toTask(t, names, nodeHostnames, templates)).toList());
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
