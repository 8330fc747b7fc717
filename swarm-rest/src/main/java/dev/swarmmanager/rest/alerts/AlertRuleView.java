package dev.swarmmanager.rest.alerts;

import dev.swarmmanager.domain.AlertRule;
import java.time.Instant;

/** An alert rule in the names and units a client sends it in: GET, change, PUT back. */
public record AlertRuleView(String name, String condition, String severity, String service, long forSeconds, Integer threshold,
                            Long windowSeconds, boolean enabled, Instant silencedUntil, String updatedBy, Instant updatedAt) {

    static AlertRuleView of(AlertRule r) {
        return new AlertRuleView(r.name(), r.condition().toString(), r.severity().toString(), r.service(), r.forDuration().toSeconds(),
                r.window() == null ? null : r.threshold(), r.window() == null ? null : r.window().toSeconds(), r.enabled(),
                r.silencedUntil(), r.updatedBy(), r.updatedAt());
    }
}
