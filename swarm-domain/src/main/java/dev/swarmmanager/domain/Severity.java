package dev.swarmmanager.domain;

/** How urgent an alert is, lowest first: a channel can take only those at or above a severity. */
public enum Severity {
    INFO, WARNING, CRITICAL;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
