package dev.swarmmanager.docker;

/**
 * One call to the Engine, as it finished: which cluster's Engine, what it was ({@code GET /tasks}), how long it took,
 * and whether it failed before the Engine answered.
 */
public record EngineCall(String cluster, String endpoint, long nanos, boolean failed) {
}
