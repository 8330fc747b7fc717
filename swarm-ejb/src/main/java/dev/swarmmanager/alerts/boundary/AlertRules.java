package dev.swarmmanager.alerts.boundary;

import dev.swarmmanager.alerts.entity.AlertRuleRecord;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.domain.AlertRule;
import dev.swarmmanager.domain.AlertRuleDraft;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The alert rules: read by anyone signed in, set and removed by admins; silenced for a while by operators and admins
 * (whoever is on call and knows the node is down on purpose).
 */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
public class AlertRules {

    static final String RULE = "alert rule";
    public static final Duration LONGEST_SILENCE = Duration.ofDays(7);

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    @Inject
    SecurityContext security;

    public List<AlertRule> list() {
        return entities.createQuery("SELECT r FROM AlertRuleRecord r ORDER BY r.name", AlertRuleRecord.class).getResultList().stream()
                .map(AlertRuleRecord::rule).toList();
    }

    public AlertRule get(String name) {
        return row(name).rule();
    }

    /** Sets a rule (a new one, or in place of the one of that name, keeping its silence). */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("alert-rules.set")
    public AlertRule set(String name, AlertRuleDraft draft) {
        AlertRule rule = draft.toRule(name);
        AlertRuleRecord row = entities.find(AlertRuleRecord.class, name);
        if (row == null) {
            row = new AlertRuleRecord();
            row.name = name;
            entities.persist(row);
        }
        row.take(rule, caller());
        return row.rule();
    }

    /** Removes a rule: its open alerts resolve at the next evaluation. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("alert-rules.remove")
    public void remove(String name) {
        entities.remove(row(name));
    }

    /** No firing of the rule's alerts is sent for {@code period} (a minute to seven days); the alerts still show. */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("alert-rules.silence")
    public AlertRule silence(String name, Duration period) {
        if (period == null || period.compareTo(Duration.ofMinutes(1)) < 0 || period.compareTo(LONGEST_SILENCE) > 0) {
            throw new InvalidRequestException("seconds", "number.from-to", 60, LONGEST_SILENCE.toSeconds());
        }
        AlertRuleRecord row = row(name);
        row.silence(Instant.now().plus(period), caller());
        return row.rule();
    }

    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("alert-rules.unsilence")
    public AlertRule unsilence(String name) {
        AlertRuleRecord row = row(name);
        row.silence(null, caller());
        return row.rule();
    }

    /** Every rule, for the evaluator's thread (no signed-in caller there); the edges read through {@link #list()}. */
    @PermitAll
    public List<AlertRule> forTheEvaluator() {
        return entities.createQuery("SELECT r FROM AlertRuleRecord r", AlertRuleRecord.class).getResultList().stream()
                .map(AlertRuleRecord::rule).toList();
    }

    private AlertRuleRecord row(String name) {
        AlertRuleRecord row = name == null ? null : entities.find(AlertRuleRecord.class, name);
        if (row == null) {
            throw new ResourceNotFoundException(RULE, name);
        }
        return row;
    }

    private String caller() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }
}
