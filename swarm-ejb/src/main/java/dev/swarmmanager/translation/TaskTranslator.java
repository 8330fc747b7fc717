package dev.swarmmanager.translation;

import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskStatus;
import dev.swarmmanager.docker.Times;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import java.util.Map;

/** docker-java's task model to ours, named and placed as {@code docker service ps} shows it. */
public final class TaskTranslator {

    private TaskTranslator() {
    }

    /**
     * @param serviceNames service ID to name, for the task's display name ({@code ocr-worker.3})
     * @param nodeHostnames node ID to hostname
     */
    public static SwarmTask toTask(Task task, Map<String, String> serviceNames, Map<String, String> nodeHostnames) {
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
                Times.parse(status.getTimestamp() != null ? status.getTimestamp() : task.getUpdatedAt()));
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
