package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * Which audit entries to show, newest first, one page at a time. Null filters match everything; {@code user},
 * {@code action} and {@code target} match a prefix, case-insensitively.
 *
 * @param page from 0
 * @param size from 1 to {@link #MAX_SIZE}
 */
public record AuditQuery(String user, String action, String target, AuditOutcome outcome, Instant from, Instant to,
                         int page, int size) implements Serializable {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    public AuditQuery {
        if (page < 0) {
            throw new InvalidRequestException("page", "number.at-least-got", 0, page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequestException("size", "number.between-got", 1, MAX_SIZE, size);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from", "time.after-to");
        }
        user = filter("user", user);
        action = filter("action", action);
        target = filter("target", target);
    }

    public static AuditQuery firstPage() {
        return new AuditQuery(null, null, null, null, null, null, 0, DEFAULT_SIZE);
    }

    /** Blank is no filter. A NUL is refused: no entry holds one, and PostgreSQL refuses one in a query. */
    private static String filter(String name, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw new InvalidRequestException(name, "text.nul");
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
