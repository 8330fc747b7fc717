package dev.swarmmanager.alerts.boundary;

import dev.swarmmanager.alerts.entity.AlertRecord;
import dev.swarmmanager.domain.Alert;
import dev.swarmmanager.domain.AlertPage;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.List;

/** The alerts, open and past: read by anyone signed in, written by the evaluator alone. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
public class Alerts {

    /** Most severe first, then the newest. */
    static final Comparator<Alert> OPEN_ORDER = Comparator.comparing(Alert::severity).reversed()
            .thenComparing(Alert::firedAt, Comparator.reverseOrder());

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    /** The alerts open now, the most severe first. */
    public List<Alert> open() {
        return openForTheEvaluator().stream().sorted(OPEN_ORDER).toList();
    }

    /** Every alert, open or resolved, newest first; or only the open ones. */
    public AlertPage search(boolean openOnly, int page, int size) {
        if (page < 0 || page > 100_000) {
            throw new InvalidRequestException("page", "number.from-to", 0, 100000);
        }
        if (size < 1 || size > AlertPage.MAX_SIZE) {
            throw new InvalidRequestException("size", "number.from-to", 1, AlertPage.MAX_SIZE);
        }
        if (openOnly) {
            // Ordered by severity, which the table keeps as a word: the open alerts are few enough to sort here.
            List<Alert> open = open();
            int from = (int) Math.min((long) page * size, open.size());
            return new AlertPage(open.subList(from, Math.min(from + size, open.size())), open.size(), page, size);
        }
        String where = "";
        List<Alert> alerts = entities.createQuery("SELECT a FROM AlertRecord a" + where + " ORDER BY a.firedAt DESC, a.id DESC", AlertRecord.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(AlertRecord::alert).toList();
        long total = entities.createQuery("SELECT COUNT(a) FROM AlertRecord a" + where, Long.class).getSingleResult();
        return new AlertPage(alerts, total, page, size);
    }

    /** The open alerts, for the evaluator that takes over (no signed-in caller on its thread). */
    @PermitAll
    public List<Alert> openForTheEvaluator() {
        return entities.createQuery("SELECT a FROM AlertRecord a WHERE a.resolvedAt IS NULL", AlertRecord.class).getResultList().stream()
                .map(AlertRecord::alert).toList();
    }

    /**
     * Keeps an alert that fired; answers it with its ID. An alert of that rule and object already open (kept by
     * another instance in a lease's hand-over) is answered instead: one open alert per rule and object.
     */
    @PermitAll
    public Alert keep(Alert fired) {
        List<AlertRecord> same = entities.createQuery("SELECT a FROM AlertRecord a WHERE a.resolvedAt IS NULL AND a.rule = :rule"
                        + " AND a.kind = :kind AND a.object = :object", AlertRecord.class)
                .setParameter("rule", fired.rule()).setParameter("kind", fired.kind()).setParameter("object", fired.object())
                .getResultList();
        if (!same.isEmpty()) {
            return same.get(0).alert();
        }
        AlertRecord row = AlertRecord.of(fired);
        entities.persist(row);
        entities.flush();
        return row.alert();
    }

    /** Closes an open alert (nothing when it is not kept: its firing could not be written either). */
    @PermitAll
    public void close(Alert resolved) {
        AlertRecord row = resolved.id() == 0 ? null : entities.find(AlertRecord.class, resolved.id());
        if (row != null && row.resolvedAt == null) {
            row.resolve(resolved.resolvedAt(), resolved.summary());
        }
    }

    @PermitAll
    public void markNotified(long id) {
        AlertRecord row = entities.find(AlertRecord.class, id);
        if (row != null) {
            row.markNotified();
        }
    }
}
