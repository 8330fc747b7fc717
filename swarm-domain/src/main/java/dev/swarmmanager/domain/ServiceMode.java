package dev.swarmmanager.domain;

/** How a service decides its number of tasks: a replica count, or one task per eligible node. */
public enum ServiceMode {
    REPLICATED, GLOBAL;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
