package dev.swarmmanager.rest.nodes;

import jakarta.validation.constraints.NotNull;

/** {@code {"availability": "drain"}}: active, pause or drain. */
public record AvailabilityRequest(
        @NotNull(message = "{nodes.availability-required}") String availability) {

    static final String EXAMPLE = "{\"availability\": \"drain\"}";
}
