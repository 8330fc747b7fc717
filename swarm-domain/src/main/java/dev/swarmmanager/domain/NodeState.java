package dev.swarmmanager.domain;

/** A node's status as the managers see it. */
public enum NodeState {
    UNKNOWN, DOWN, READY, DISCONNECTED;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
