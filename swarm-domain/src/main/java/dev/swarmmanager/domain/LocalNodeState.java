package dev.swarmmanager.domain;

/** Whether the engine Swarm Manager talks to is part of a Swarm. */
public enum LocalNodeState {
    INACTIVE, PENDING, ACTIVE, ERROR, LOCKED;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
