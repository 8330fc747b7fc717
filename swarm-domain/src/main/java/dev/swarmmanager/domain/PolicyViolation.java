package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * One thing a write asks for that the deployment policy does not allow.
 *
 * @param rule     the rule's name, as {@code GET /policy} lists it ({@code capabilities}, {@code bind-mounts})
 * @param path     where the request asks for it, in Compose terms: {@code services.worker.cap_add[0]}
 * @param value    what it asks for there ({@code ALL}), shortened
 * @param reason   why it is refused, and the setting that would allow it (in the reader's language at the edge)
 * @param adminMay an admin may do it (the policy then records a bypass); false for a limit that holds for everyone
 * @param line     the Compose file's line, when the request is a file; otherwise null
 */
public record PolicyViolation(String rule, String path, String value, Phrase reason, boolean adminMay, Integer line) implements Serializable {

    public PolicyViolation withLine(Integer fileLine) {
        return new PolicyViolation(rule, path, value, reason, adminMay, fileLine);
    }

    /** {@code capabilities: services.c.cap_add[0]: ALL} */
    @Override
    public String toString() {
        return rule + ": " + path + (value == null ? "" : ": " + value);
    }
}
