package dev.swarmmanager.domain;

/** The one-word verdict on the cluster. */
public enum OverallHealth {
    HEALTHY, DEGRADED, UNHEALTHY;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
