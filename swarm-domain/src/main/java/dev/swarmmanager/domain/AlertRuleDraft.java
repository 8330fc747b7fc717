package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Duration;

/**
 * An alert rule as a user wrote it (the API's body, the page's form), read into an {@link AlertRule} only once the
 * caller may set rules: a viewer's malformed rule is refused for the role, not for its form. Durations in seconds;
 * absent fields take {@link AlertRule}'s defaults.
 */
public record AlertRuleDraft(String condition, String severity, String service, Long forSeconds, Integer threshold,
                             Long windowSeconds, Boolean enabled) implements Serializable {

    public static final String EXAMPLE = "{\"condition\": \"node-down\", \"severity\": \"critical\", \"for_seconds\": 30}";

    public AlertRule toRule(String name) {
        if (condition == null) {
            throw new InvalidRequestException("condition", "required.one-of-example", WireName.allowed(AlertCondition.class), EXAMPLE);
        }
        return new AlertRule(name, WireName.parse(AlertCondition.class, "condition", condition),
                severity == null || severity.isBlank() ? null : WireName.parse(Severity.class, "severity", severity), service,
                seconds(forSeconds, "for_seconds"), threshold == null ? 0 : threshold, seconds(windowSeconds, "window_seconds"),
                enabled == null || enabled, null, null, null);
    }

    private static Duration seconds(Long value, String field) {
        if (value == null) {
            return null;
        }
        if (value < 0 || value > AlertRule.MAX_DURATION.toSeconds()) {
            throw new InvalidRequestException(field, "seconds.from-to", 0, AlertRule.MAX_DURATION.toSeconds());
        }
        return Duration.ofSeconds(value);
    }
}
