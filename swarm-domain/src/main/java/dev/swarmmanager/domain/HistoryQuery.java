package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * Which history entries to show, newest first, one page at a time, as the audit log's search does. Null filters match
 * everything; {@code object} matches an object's name or its service's name exactly, or an object's ID by its start;
 * {@code stack} matches exactly; {@code text} is found anywhere in the summary, ignoring case; {@code cluster} is a
 * managed Swarm's name ({@code default} for the server's own).
 */
public record HistoryQuery(Instant from, Instant to, HistoryKind kind, String object, String stack, String text,
                           String cluster, int page, int size) implements Serializable {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    static final int MAX_FILTER = 200;

    public HistoryQuery {
        if (page < 0) {
            throw new InvalidRequestException("page", "number.at-least-got", 0, page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "number.between-got", 1, MAX_SIZE, size);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "time.after-to");
        }
        object = filter(object, "object");
        stack = filter(stack, "stack");
        text = filter(text, "q");
        cluster = filter(cluster, "cluster");
    }

    public static HistoryQuery firstPage() {
        return new HistoryQuery(null, null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }

    private static String filter(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FILTER) {
            throw new InvalidRequestException(name, "text.at-most", MAX_FILTER);
        }
        return value.trim();
    }
}
