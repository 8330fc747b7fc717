package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/** One line a service's task wrote, with where and when it was written. */
public record LogLine(Instant timestamp, LogStream stream, String taskId, String nodeId, String message) implements Serializable {
}
