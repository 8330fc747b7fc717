package dev.swarmmanager.rest.cluster;

/** {@code {"force": true}}; no body means no force. */
public record LeaveRequest(Boolean force) {
}
