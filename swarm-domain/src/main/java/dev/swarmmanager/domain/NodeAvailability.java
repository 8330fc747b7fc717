package dev.swarmmanager.domain;

/** Whether the scheduler may place tasks on a node; {@code drain} also moves its running tasks away. */
public enum NodeAvailability {
    ACTIVE, PAUSE, DRAIN;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
