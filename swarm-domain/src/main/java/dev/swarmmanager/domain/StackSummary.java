package dev.swarmmanager.domain;

/** One stack, as {@code docker stack ls} shows it, with its replica counts. */
public record StackSummary(String name, int services, long desiredReplicas, long runningReplicas) {
}
