package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * One task of a service, as {@code docker service ps} shows it.
 *
 * @param slot the replica number of a replicated service, {@code null} for a global one
 * @param nodeHostname {@code null} until the task is assigned, or when its node was removed
 * @param error the failure Docker recorded, {@code null} when there is none
 * @param exitCode {@code null} while the container has not exited
 * @param onServiceSpec whether the task runs the service's spec as it is now: during an update or a rollback the
 *                      tasks not yet replaced run the one before. {@code null} when the service's spec was not read
 *                      with the task
 */
public record SwarmTask(
        String id,
        String name,
        String serviceId,
        String serviceName,
        Integer slot,
        String nodeId,
        String nodeHostname,
        TaskState desiredState,
        TaskState state,
        String message,
        String error,
        String image,
        String containerId,
        Integer exitCode,
        Instant createdAt,
        Instant updatedAt,
        Boolean onServiceSpec) implements Serializable {

    /** The fields the task lists sort by ({@code sort=}). */
    public static final Ordering<SwarmTask> ORDERING = Ordering.<SwarmTask>of()
            .by("name", SwarmTask::name)
            .by("service", SwarmTask::serviceName)
            .by("slot", SwarmTask::slot)
            .by("node", SwarmTask::nodeHostname)
            .byWord("state", SwarmTask::state)
            .byWord("desired_state", SwarmTask::desiredState)
            .by("created", SwarmTask::createdAt)
            .by("updated", SwarmTask::updatedAt);

    /** The same task, its node known by another hostname (the node joined or was renamed since the task was read). */
    public SwarmTask withNodeHostname(String hostname) {
        return new SwarmTask(id, name, serviceId, serviceName, slot, nodeId, hostname, desiredState, state, message,
                error, image, containerId, exitCode, createdAt, updatedAt, onServiceSpec);
    }
}
