package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * One change of the cluster, as the change feed sends it.
 *
 * @param id increasing from one at each start of the server; a client that reconnects asks for what came after the last
 *           one it saw (its event ID also names the feed: {@link LastEventId#changeId})
 * @param type what changed, or one of the feed's own signals
 * @param action what happened to it
 * @param reference the object's ID ({@code health} has none)
 * @param data the object as it is now: a {@link SwarmNode}, {@link SwarmService}, {@link SwarmTask} or
 *             {@link HealthStatus}; for a removal, as it was
 */
public record ClusterChange(long id, ChangeType type, ChangeAction action, String reference, Object data) implements Serializable {

    /** One of the feed's own signals ({@code keepalive}, {@code resync}) after change {@code id}. */
    public static ClusterChange signal(long id, ChangeType type) {
        return new ClusterChange(id, type, ChangeAction.NONE, null, null);
    }
}
