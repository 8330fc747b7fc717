package dev.swarmmanager.docker;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;

/** docker-java hands out times as {@code Date} on some models and as RFC 3339 text on others. */
public final class Times {

    private Times() {
    }

    public static Instant of(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Docker's zero time ({@code 0001-01-01T00:00:00Z}) means "never" and becomes {@code null}. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank() || text.startsWith("0001-01-01")) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
