package dev.swarmmanager.domain;

/** How the other managers see a manager node; {@code null} on workers. */
public enum ManagerStatus {
    LEADER, REACHABLE, UNREACHABLE, UNKNOWN;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
