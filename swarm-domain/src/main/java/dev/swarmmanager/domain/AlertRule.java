package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * When to raise an alert: a condition that has held for {@code forDuration}, with a severity. A silenced rule still
 * raises and resolves its alerts (the UI shows them), but no firing is sent until the silence ends (a resolution of an
 * alert whose firing was sent still is).
 *
 * @param service    for a condition about services, the one service it watches; {@code null} for all
 * @param forDuration how long the condition must hold before the alert fires: a blip (a task being replaced) does not
 * @param threshold  {@link AlertCondition#TASK_FAILURES}: the failures within {@code window} that make an alert
 * @param window     {@link AlertCondition#TASK_FAILURES}: how far back failures count
 * @param silencedUntil nothing is sent for this rule's alerts before this instant; {@code null} when not silenced
 */
public record AlertRule(String name, AlertCondition condition, Severity severity, String service, Duration forDuration,
                        int threshold, Duration window, boolean enabled, Instant silencedUntil, String updatedBy,
                        Instant updatedAt) implements Serializable {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    public static final Duration MAX_DURATION = Duration.ofDays(1);
    public static final Duration DEFAULT_FOR = Duration.ofSeconds(60);
    public static final int DEFAULT_THRESHOLD = 3;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    public AlertRule {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "alerts.name");
        }
        if (condition == null) {
            throw new InvalidRequestException("condition", "required.one-of", WireName.allowed(AlertCondition.class));
        }
        severity = severity == null ? Severity.WARNING : severity;
        if (service != null && service.isBlank()) {
            service = null;
        }
        if (service != null && (!condition.aboutServices() || service.length() > 255)) {
            throw new InvalidRequestException("service", condition.aboutServices() ? Phrase.of("text.at-most", 255)
                    : Phrase.of("alerts.service-only", condition));
        }
        forDuration = forDuration == null ? DEFAULT_FOR : forDuration;
        if (forDuration.isNegative() || forDuration.compareTo(MAX_DURATION) > 0) {
            throw new InvalidRequestException("for_seconds", "seconds.from-to", 0, 86400);
        }
        if (condition == AlertCondition.TASK_FAILURES) {
            threshold = threshold == 0 ? DEFAULT_THRESHOLD : threshold;
            window = window == null ? DEFAULT_WINDOW : window;
            if (threshold < 1 || threshold > 10_000) {
                throw new InvalidRequestException("threshold", "alerts.threshold");
            }
            if (window.compareTo(Duration.ofSeconds(10)) < 0 || window.compareTo(MAX_DURATION) > 0) {
                throw new InvalidRequestException("window_seconds", "seconds.from-to", 10, 86400);
            }
        } else if (threshold != 0 || window != null) {
            throw new InvalidRequestException(threshold != 0 ? "threshold" : "window_seconds", "alerts.task-failures-only");
        }
    }

    /** Whether nothing is sent for this rule's alerts at {@code now}. */
    public boolean silencedAt(Instant now) {
        return silencedUntil != null && now.isBefore(silencedUntil);
    }
}
