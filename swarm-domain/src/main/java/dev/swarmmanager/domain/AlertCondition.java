package dev.swarmmanager.domain;

/** What an alert rule watches for. */
public enum AlertCondition {
    /** A service runs fewer tasks than it wants (replicated or global). */
    SERVICE_SHORT(true),
    /** A node is down, disconnected or unknown to the managers. */
    NODE_DOWN(false),
    /** At least {@code threshold} tasks of a service failed (or were rejected) within {@code window}. */
    TASK_FAILURES(true),
    /** A service with a scaling policy is held at the policy's maximum: the autoscaler wants more than it may have. */
    AUTOSCALER_AT_MAX(true),
    /** The Docker Engine the application manages the Swarm through cannot be read. */
    DOCKER_UNREACHABLE(false);

    private final boolean aboutServices;

    AlertCondition(boolean aboutServices) {
        this.aboutServices = aboutServices;
    }

    /** Whether a rule of this condition may be narrowed to one service. */
    public boolean aboutServices() {
        return aboutServices;
    }

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
