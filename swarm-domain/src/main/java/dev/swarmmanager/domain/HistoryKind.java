package dev.swarmmanager.domain;

/** What an entry of the event history is about. */
public enum HistoryKind {
    NODE, SERVICE, TASK, HEALTH, AUTOSCALER, ALERT;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
