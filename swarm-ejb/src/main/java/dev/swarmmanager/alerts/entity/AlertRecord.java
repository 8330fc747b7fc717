package dev.swarmmanager.alerts.entity;

import dev.swarmmanager.audit.entity.InstantColumn;
import dev.swarmmanager.domain.Alert;
import dev.swarmmanager.domain.AlertCondition;
import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/** One alert, open while {@code resolvedAt} is null; kept after it resolves (the history has its two moments too). */
@Entity
@Table(name = "swarm_alert", indexes = {
        @Index(name = "swarm_alert_open", columnList = "resolved_at"),
        @Index(name = "swarm_alert_fired", columnList = "fired_at")})
public class AlertRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    public Long id;

    @Column(name = "rule_name", nullable = false, length = 63)
    public String rule;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_condition", nullable = false, length = 30)
    public AlertCondition condition;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", nullable = false, length = 20)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "object_kind", nullable = false, length = 20)
    public HistoryKind kind;

    @Column(name = "object_name", nullable = false, length = 255)
    public String object;

    @Column(name = "summary", nullable = false, length = 1000)
    public String summary;

    @Column(name = "fired_at", nullable = false)
    @Convert(converter = InstantColumn.class)
    public Instant firedAt;

    @Column(name = "resolved_at")
    @Convert(converter = InstantColumn.class)
    public Instant resolvedAt;

    @Column(name = "notified", nullable = false)
    public boolean notified;

    public static AlertRecord of(Alert alert) {
        AlertRecord row = new AlertRecord();
        row.rule = alert.rule();
        row.condition = alert.condition();
        row.severity = alert.severity();
        row.kind = alert.kind();
        row.object = alert.object().length() > 255 ? alert.object().substring(0, 255) : alert.object();
        row.summary = fitted(alert.summary());
        row.firedAt = alert.firedAt();
        row.resolvedAt = alert.resolvedAt();
        row.notified = alert.notified();
        return row;
    }

    public Alert alert() {
        return new Alert(id, rule, condition, severity, kind, object, summary, firedAt, resolvedAt, notified);
    }

    /** Closes the alert (inside the entity: the provider's weaving sees only the entity's own writes). */
    public void resolve(Instant at, String finalSummary) {
        resolvedAt = at;
        summary = fitted(finalSummary);
    }

    /** A summary as its column holds it: at most 1000 characters. */
    private static String fitted(String summary) {
        return summary.length() > 1000 ? summary.substring(0, 999) + "…" : summary;
    }

    public void markNotified() {
        notified = true;
    }
}
