package dev.swarmmanager.mirror.entity;

/**
 * A registered cluster is no longer managed here: what was kept for it (its change feed, its gauges) goes.
 *
 * @param cluster the name it was registered under
 */
public record ClusterRemoved(String cluster) {
}
