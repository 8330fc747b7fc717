package dev.swarmmanager.domain;

/**
 * The life of a Swarm task, in Docker's order. The groupings are the ones an operator reasons with:
 * a task is on its way up, running, finished well, or failed.
 */
public enum TaskState {
    NEW, ALLOCATED, PENDING, ASSIGNED, ACCEPTED, PREPARING, READY, STARTING,
    RUNNING, COMPLETE, SHUTDOWN, FAILED, REJECTED, REMOVE, ORPHANED;

    /** Not yet running, but on its way: what {@code docker service ps} shows as pending or preparing. */
    public boolean isPending() {
        return ordinal() < RUNNING.ordinal();
    }

    public boolean isFailure() {
        return this == FAILED || this == REJECTED;
    }

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
