package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * One alert: a rule's condition held by one object (a service, a node, Docker itself) from {@code firedAt} until
 * {@code resolvedAt}. There is one open alert per rule and object at a time, whatever the number of evaluations that
 * see it, and one notification when it fires and one when it resolves.
 *
 * @param kind     what {@code object} is: a node, a service, or the cluster's health (Docker itself)
 * @param object   the node's hostname, the service's name, or {@code docker}
 * @param notified whether its firing was sent (not while its rule was silenced); its resolution is sent only if so
 */
public record Alert(long id, String rule, AlertCondition condition, Severity severity, HistoryKind kind, String object,
                    String summary, Instant firedAt, Instant resolvedAt, boolean notified) implements Serializable {

    public boolean open() {
        return resolvedAt == null;
    }

    /** What makes two alerts the same one: its rule and its object. */
    public String key() {
        return key(rule, kind, object);
    }

    static String key(String rule, HistoryKind kind, String object) {
        return rule + '\u0000' + kind + '\u0000' + object;
    }

    public Alert withId(long newId) {
        return new Alert(newId, rule, condition, severity, kind, object, summary, firedAt, resolvedAt, notified);
    }

    public Alert resolvedAt(Instant at) {
        return new Alert(id, rule, condition, severity, kind, object, summary, firedAt, at, notified);
    }

    public Alert withNotified() {
        return new Alert(id, rule, condition, severity, kind, object, summary, firedAt, resolvedAt, true);
    }
}
