package dev.swarmmanager.alerts.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import dev.swarmmanager.domain.AlertCondition;
import dev.swarmmanager.domain.AlertRule;
import dev.swarmmanager.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/** One alert rule; durations in seconds. */
@Entity
@Table(name = "swarm_alert_rule")
public class AlertRuleRecord {

    @Id
    @Column(name = "rule_name", length = 63)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_condition", nullable = false, length = 30)
    public AlertCondition condition;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, length = 20)
    public Severity severity;

    @Column(name = "service_name", length = 255)
    public String service;

    @Column(name = "for_s", nullable = false)
    public long forSeconds;

    @Column(name = "threshold", nullable = false)
    public int threshold;

    @Column(name = "window_s")
    public Long windowSeconds;

    @Column(name = "enabled", nullable = false)
    public boolean enabled;

    @Column(name = "silenced_until")
    @Convert(converter = InstantColumn.class)
    public Instant silencedUntil;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;

    @Column(name = "updated_at")
    @Convert(converter = InstantColumn.class)
    public Instant updatedAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;

    public AlertRule rule() {
        return new AlertRule(name, condition, severity, service, Duration.ofSeconds(forSeconds), threshold,
                windowSeconds == null ? null : Duration.ofSeconds(windowSeconds), enabled, silencedUntil, updatedBy, updatedAt);
    }

    /** Takes the rule's settings (inside the entity: the provider's weaving sees only the entity's own writes). A silence stays. */
    public void take(AlertRule rule, String user) {
        condition = rule.condition();
        severity = rule.severity();
        service = rule.service();
        forSeconds = rule.forDuration().toSeconds();
        threshold = rule.threshold();
        windowSeconds = rule.window() == null ? null : rule.window().toSeconds();
        enabled = rule.enabled();
        updatedBy = user;
        updatedAt = Instant.now();
    }

    /** Silences the rule until {@code until}; {@code null} lifts the silence. */
    public void silence(Instant until, String user) {
        silencedUntil = until;
        updatedBy = user;
        updatedAt = Instant.now();
    }
}
