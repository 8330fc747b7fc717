package dev.swarmmanager.domain;

/**
 * What a change of the change feed is about; its wire word is the Server-Sent Event's name. {@link #KEEPALIVE} and
 * {@link #RESYNC} are the feed's own signals, not changes of the cluster.
 */
public enum ChangeType {
    NODE, SERVICE, TASK, HEALTH,
    /** Nothing changed since the last refresh: lets a writer notice a client that left. */
    KEEPALIVE,
    /** The client missed more than the feed keeps: it reloads instead. */
    RESYNC;

    /** Whether this is a change of the cluster rather than one of the feed's own signals. */
    public boolean isOfTheCluster() {
        return this != KEEPALIVE && this != RESYNC;
    }

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
