package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/** A task that failed or was rejected, with Docker's reason: the first thing to read when a service is short. */
public record DetectedError(String taskId, String serviceId, String serviceName, String nodeId, TaskState state,
                            String error, Instant at) implements Serializable {
}
