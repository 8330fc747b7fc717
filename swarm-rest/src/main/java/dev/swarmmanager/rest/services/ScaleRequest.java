package dev.swarmmanager.rest.services;

import java.math.BigDecimal;

/**
 * {@code {"replicas": 5}}. Read as a decimal so that {@code 2.5} is refused instead of silently truncated.
 */
public record ScaleRequest(BigDecimal replicas) {
}
