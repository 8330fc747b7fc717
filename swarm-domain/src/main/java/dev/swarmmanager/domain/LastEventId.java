package dev.swarmmanager.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code Last-Event-ID} a reconnecting Server-Sent Events client sends back: the ID of the last event it got, as
 * our streams write it. Read here only, for every stream and edge: an ID we did not write counts as none, and the
 * client starts afresh rather than being refused.
 */
public final class LastEventId {

    private LastEventId() {
    }

    /** A change feed's event ID: the number of the last {@link ClusterChange} seen; null for none. */
    public static Long change(String id) {
        try {
            return id == null || id.isBlank() ? null : Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A log follow's event ID: the time of the last {@link LogLine} seen; null for none. */
    public static Instant logLine(String id) {
        try {
            return id == null || id.isBlank() ? null : Instant.parse(id.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
