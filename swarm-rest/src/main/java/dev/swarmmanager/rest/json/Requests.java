package dev.swarmmanager.rest.json;

import dev.swarmmanager.domain.InvalidRequestException;
import java.util.Locale;

/** Checks on request bodies and query parameters, with messages that show what to send. */
public final class Requests {

    private Requests() {
    }

    public static <T> T field(T value, String field, String example) {
        if (value == null) {
            throw new InvalidRequestException(field, "required.example", example);
        }
        return value;
    }

    /** A whole number from a JSON body, where {@code 2.5} or {@code 1e30} must be refused, not truncated. */
    public static long wholeNumber(java.math.BigDecimal value, String field) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            // toString, not toPlainString: 1e100000000 written out in full would take 100 MB
            String shown = value.toString();
            throw new InvalidRequestException(field, "number.whole-got", shown.length() <= 20 ? shown : shown.substring(0, 20) + "…");
        }
    }

    /** A query parameter's boolean: absent means {@code false}; anything but true/false is rejected. */
    public static boolean flag(String value, String name) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new InvalidRequestException(name, "compose.boolean", shown(value));
        };
    }

    /** A query parameter's whole number; JAX-RS would answer 404 for a bad one, a client deserves a 400. */
    public static int integer(String value, String name, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(name, "compose.whole-number", shown(value));
        }
    }

    /** A query parameter's instant (ISO-8601), {@code null} when absent; a bad one is a 400 that shows the form. */
    public static java.time.Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidRequestException(name, "time.instant", shown(value));
        }
    }

    /** A value as a message shows it: its start, never kilobytes of input echoed back. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "… (" + value.length() + " characters)";
    }
}
