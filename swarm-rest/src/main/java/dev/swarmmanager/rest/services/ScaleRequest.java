package dev.swarmmanager.rest.services;

import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * {@code {"replicas": 5}}. Read as a decimal so that {@code 2.5} is refused instead of silently truncated; the range
 * is the deployment policy's ({@code swarm.services.max-replicas}), checked by the service.
 */
public record ScaleRequest(@NotNull(message = "{required.example}|5") BigDecimal replicas) {

    static final String EXAMPLE = "{\"replicas\": 5}";
}
