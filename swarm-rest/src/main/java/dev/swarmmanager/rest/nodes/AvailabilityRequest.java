package dev.swarmmanager.rest.nodes;

/** {@code {"availability": "drain"}}: active, pause or drain. */
public record AvailabilityRequest(String availability) {
}
