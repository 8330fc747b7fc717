package dev.swarmmanager.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** Labels typed one {@code key=value} a line, as the forms take them; blank lines are skipped, spaces around trimmed. */
final class KeyValueLines {

    /** A line that is not {@code key=value}; {@code line} counts from 1. */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        BadLine(int line) {
            super("line " + line + " is not key=value");
            this.line = line;
        }
    }

    private KeyValueLines() {
    }

    /**
     * Variables as far as the lines read: a line without {@code =} is skipped, the value kept as typed (spaces may
     * matter in a variable); for filling fields, where a bad line is reported later by the strict reading.
     */
    static Map<String, String> lenient(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            int at = line.indexOf('=');
            if (at > 0) {
                values.put(line.substring(0, at).strip(), line.substring(at + 1));
            }
        }
        return values;
    }

    /**
     * The lines as labels, or {@code null} when one is not {@code key=value}: then the line is named beside the field
     * and nothing is to be saved.
     */
    static Map<String, String> parseOrReport(String text, Feedback feedback, String field) {
        try {
            return parse(text);
        } catch (BadLine e) {
            feedback.fieldError(field, feedback.text("nodes.labelLine", e.line));
            return null;
        }
    }

    static Map<String, String> parse(String text) throws BadLine {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new BadLine(i + 1);
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return values;
    }
}
