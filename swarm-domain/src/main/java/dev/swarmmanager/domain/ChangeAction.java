package dev.swarmmanager.domain;

/** What happened to the object of a change; {@link #NONE} for the feed's own signals. */
public enum ChangeAction {
    CREATED, UPDATED, REMOVED, NONE;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
