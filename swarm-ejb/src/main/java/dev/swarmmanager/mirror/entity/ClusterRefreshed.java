package dev.swarmmanager.mirror.entity;

/**
 * A registered (non-default) cluster's mirror after a change: the event its observers (the change feed) take, apart
 * from the default cluster's {@link ClusterSnapshot}, which the server-wide work (alerts, autoscaling, history,
 * metrics) follows.
 *
 * @param cluster  the registered name
 * @param snapshot its mirror now
 */
public record ClusterRefreshed(String cluster, ClusterSnapshot snapshot) {
}
