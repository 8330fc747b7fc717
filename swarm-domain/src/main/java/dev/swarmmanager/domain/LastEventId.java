package dev.swarmmanager.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code Last-Event-ID} a reconnecting Server-Sent Events client sends back: the ID of the last event it got, as
 * our streams write it. Read here only, for every stream and edge, and never refused: a log follow that gets an ID
 * it did not write starts afresh; a change feed tells the client to reload ({@code resync}).
 */
public final class LastEventId {

    private LastEventId() {
    }

    /** An ID a change feed did not write, or wrote before it last started: the client's picture is stale. */
    public static final long STALE = -1;

    /**
     * A change feed's event ID, as {@link #change} reads it back: the feed's generation (new at every start of every
     * server) and the number of the change. Numbers count from one in each generation, so a number alone would let a
     * client that reconnects to another server, or to this one after a restart, skip or replay the wrong changes.
     */
    public static String changeId(String generation, long change) {
        return generation + "-" + change;
    }

    /**
     * The number of the last {@link ClusterChange} a client saw on the feed of this {@code generation}; null when it
     * sent no ID (a new client); {@link #STALE} for any other ID (another server's, one from before a restart, or not
     * ours at all), which the feed answers with {@code resync}.
     */
    public static Long change(String id, String generation) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String ours = generation + "-";
        String trimmed = id.trim();
        if (!trimmed.startsWith(ours)) {
            return STALE;
        }
        try {
            long number = Long.parseLong(trimmed.substring(ours.length()));
            return number < 0 ? STALE : number;
        } catch (NumberFormatException e) {
            return STALE;
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
