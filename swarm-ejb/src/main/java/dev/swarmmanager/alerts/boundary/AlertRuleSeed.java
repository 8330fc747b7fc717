package dev.swarmmanager.alerts.boundary;

import dev.swarmmanager.alerts.entity.AlertRuleRecord;
import dev.swarmmanager.domain.AlertCondition;
import dev.swarmmanager.domain.AlertRule;
import dev.swarmmanager.domain.Severity;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ships one rule per condition, kept at the first start when there is no rule at all: alerts work as soon as a
 * channel is added. Admins change, disable or remove them (removing every rule brings them back at the next start).
 */
@Singleton
@Startup
public class AlertRuleSeed {

    private static final Logger LOG = Logger.getLogger(AlertRuleSeed.class.getName());

    static final List<AlertRule> DEFAULTS = List.of(
            rule("service-short", AlertCondition.SERVICE_SHORT, Severity.WARNING, Duration.ofSeconds(120), 0, null),
            rule("node-down", AlertCondition.NODE_DOWN, Severity.CRITICAL, Duration.ofSeconds(30), 0, null),
            rule("task-failures", AlertCondition.TASK_FAILURES, Severity.WARNING, Duration.ZERO, 5, Duration.ofMinutes(10)),
            rule("autoscaler-at-max", AlertCondition.AUTOSCALER_AT_MAX, Severity.WARNING, Duration.ofMinutes(10), 0, null),
            rule("docker-unreachable", AlertCondition.DOCKER_UNREACHABLE, Severity.CRITICAL, Duration.ofSeconds(30), 0, null));

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    private static AlertRule rule(String name, AlertCondition condition, Severity severity, Duration forDuration, int threshold,
                                  Duration window) {
        return new AlertRule(name, condition, severity, null, forDuration, threshold, window, true, null, null, null);
    }

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void seed() {
        try {
            if (entities.createQuery("SELECT COUNT(r) FROM AlertRuleRecord r", Long.class).getSingleResult() > 0) {
                return;
            }
            for (AlertRule rule : DEFAULTS) {
                AlertRuleRecord row = new AlertRuleRecord();
                row.name = rule.name();
                row.take(rule, "swarm-manager");
                entities.persist(row);
            }
            entities.flush(); // here, where a clash with another instance seeding at once is caught, not at the commit
        } catch (RuntimeException e) {
            // The server starts all the same: the rules are kept at the next start.
            LOG.log(Level.WARNING, "the default alert rules could not be kept", e);
        }
    }
}
