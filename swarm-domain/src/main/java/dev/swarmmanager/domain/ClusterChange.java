package dev.swarmmanager.domain;

/**
 * One change of the cluster, as the change feed sends it.
 *
 * @param id increasing; a client that reconnects asks for what came after the last one it saw
 * @param type {@code node}, {@code service}, {@code task} or {@code health}
 * @param action {@code created}, {@code updated} or {@code removed}
 * @param reference the object's ID ({@code health} has none)
 * @param data the object as it is now: a {@link SwarmNode}, {@link SwarmService}, {@link SwarmTask} or
 *             {@link HealthStatus}; for a removal, as it was
 */
public record ClusterChange(long id, String type, String action, String reference, Object data) {
}
