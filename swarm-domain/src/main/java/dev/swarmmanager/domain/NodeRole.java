package dev.swarmmanager.domain;

/** The part a node plays in the Swarm. */
public enum NodeRole {
    WORKER, MANAGER;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
