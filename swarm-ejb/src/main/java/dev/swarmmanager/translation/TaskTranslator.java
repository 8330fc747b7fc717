package dev.swarmmanager.translation;

import com.github.dockerjava.api.model.Task;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.api.model.TaskStatus;
import dev.swarmmanager.docker.Times;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import java.util.List;
import java.util.Map;

/** docker-java's task model to ours, named and placed as {@code docker service ps} shows it. */
public final class TaskTranslator {

    /** docker-java's models as the Engine writes them: absent fields left out. */
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** What the Engine shows for a service whose restart policy or stop grace period was never set. */
    private static final JsonNode DEFAULT_RESTART = JSON.createObjectNode().put("Condition", "any").put("Delay", 5_000_000_000L)
            .put("MaxAttempts", 0L); // long, as docker-java holds it: JSON trees compare number types too
    private static final long DEFAULT_STOP_GRACE_NANOS = 10_000_000_000L;

    private TaskTranslator() {
    }

    /**
     * @param serviceNames service ID to name, for the task's display name ({@code ocr-worker.3})
     * @param nodeHostnames node ID to hostname
     * @param templates service ID to the service's task template as read with the task: a task made from another
     *                  one is left over from before an update
     */
    public static SwarmTask toTask(Task task, Map<String, String> serviceNames, Map<String, String> nodeHostnames,
                                   Map<String, JsonNode> templates) {
        TaskStatus status = task.getStatus() == null ? new TaskStatus() : task.getStatus();
        var container = status.getContainerStatus();
        var spec = task.getSpec() == null ? null : task.getSpec().getContainerSpec();
        String serviceName = serviceNames.get(task.getServiceId());
        return new SwarmTask(
                task.getId(),
                displayName(task, serviceName),
                task.getServiceId(),
                serviceName,
                task.getSlot(),
                task.getNodeId(),
                task.getNodeId() == null ? null : nodeHostnames.get(task.getNodeId()),
                state(task.getDesiredState()),
                state(status.getState()),
                status.getMessage(),
                status.getErr() == null || status.getErr().isBlank() ? null : status.getErr(),
                spec == null ? null : stripDigest(spec.getImage()),
                container == null ? null : container.getContainerID(),
                container == null ? null : container.getExitCode(),
                Times.parse(task.getCreatedAt()),
                Times.parse(status.getTimestamp() != null ? status.getTimestamp() : task.getUpdatedAt()),
                onServiceSpec(task, templates.get(task.getServiceId())));
    }

    /**
     * Each service's task template by service ID, as JSON, to tell a task's spec the current one or an earlier one.
     */
    public static Map<String, JsonNode> templates(java.util.Collection<com.github.dockerjava.api.model.Service> services) {
        Map<String, JsonNode> templates = new java.util.HashMap<>();
        services.forEach(s -> {
            if (s.getSpec() != null && s.getSpec().getTaskTemplate() != null) {
                templates.put(s.getId(), JSON.valueToTree(s.getSpec().getTaskTemplate()));
            }
        });
        return templates;
    }

    /**
     * Whether a task meant to run was made from the service's task template as it is now, as Swarm's orchestrator
     * judges a task "dirty". The Engine shows a service's template with the defaults it applies (runtime, stop grace
     * period, restart policy) and a task's spec without those the user never set: a task lacking one is compared with
     * the default. Placement is not compared: Swarm keeps a task whose node still meets a changed placement (and
     * moves it when it no longer does). {@code null} for a task not meant to run, whose spec no longer matters.
     */
    static Boolean onServiceSpec(Task task, JsonNode template) {
        if (template == null || task.getSpec() == null || task.getDesiredState() != com.github.dockerjava.api.model.TaskState.RUNNING) {
            return null;
        }
        ObjectNode taskSpec = JSON.valueToTree(task.getSpec());
        ObjectNode current = template.deepCopy();
        for (ObjectNode spec : List.of(taskSpec, current)) {
            spec.remove("Runtime");
            spec.remove("Placement");
            if (!spec.has("RestartPolicy")) {
                spec.set("RestartPolicy", DEFAULT_RESTART);
            }
            if (spec.get("ContainerSpec") instanceof ObjectNode container && !container.has("StopGracePeriod")) {
                container.put("StopGracePeriod", DEFAULT_STOP_GRACE_NANOS);
            }
        }
        return current.equals(taskSpec);
    }

    public static TaskState state(com.github.dockerjava.api.model.TaskState state) {
        return state == null ? TaskState.NEW : TaskState.valueOf(state.name());
    }

    private static String displayName(Task task, String serviceName) {
        String base = serviceName == null ? task.getServiceId() : serviceName;
        return task.getSlot() != null && task.getSlot() > 0 ? base + "." + task.getSlot() : base + "." + task.getNodeId();
    }

    private static String stripDigest(String image) {
        if (image == null) {
            return null;
        }
        int digest = image.indexOf('@');
        return digest > 0 ? image.substring(0, digest) : image;
    }
}
