package dev.swarmmanager.domain;

import java.io.Serializable;

/** One stack, as {@code docker stack ls} shows it, with its replica counts. */
public record StackSummary(String name, int services, long desiredReplicas, long runningReplicas) implements Serializable {

    /** The fields the stacks list sorts by ({@code sort=}). */
    public static final Ordering<StackSummary> ORDERING = Ordering.<StackSummary>of()
            .by("name", StackSummary::name)
            .by("services", StackSummary::services)
            .by("replicas", StackSummary::desiredReplicas)
            .by("running", StackSummary::runningReplicas);
}
