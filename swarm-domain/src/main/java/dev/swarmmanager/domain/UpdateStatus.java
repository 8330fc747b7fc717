package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * Progress of a service's last rolling update or rollback, as {@code docker service inspect} reports it.
 *
 * @param state {@code updating}, {@code paused}, {@code completed}, {@code rollback_started}, ...
 */
public record UpdateStatus(String state, String message, Instant startedAt, Instant completedAt) implements Serializable {
}
