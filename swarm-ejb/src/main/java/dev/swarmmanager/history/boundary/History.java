package dev.swarmmanager.history.boundary;

import dev.swarmmanager.clusters.boundary.Clusters;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.domain.HistoryPage;
import dev.swarmmanager.domain.HistoryQuery;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.history.control.HistoryEntries;
import dev.swarmmanager.history.entity.HistoryRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The event history: searched by anyone signed in, written by the application itself. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
public class History {

    /** At most this many kept entries are compared with what an instance saw (a minute's worth, on a busy cluster). */
    static final int MAX_COMPARED = 50_000;

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    @Inject
    Clusters clusters;

    /**
     * Newest first, one page, with how many match in all; never what happened in a cluster that gives the caller no
     * role (asking for it by name is refused, as its routes are).
     */
    public HistoryPage search(HistoryQuery query) {
        List<String> hidden = clusters.hiddenFromCaller();
        if (query.cluster() != null && hidden.contains(query.cluster())) {
            throw new EJBAccessException("no role on the cluster " + query.cluster());
        }
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<HistoryRecord> select = cb.createQuery(HistoryRecord.class);
        Root<HistoryRecord> row = select.from(HistoryRecord.class);
        select.where(filters(cb, row, query, hidden)).orderBy(cb.desc(row.get("time")), cb.desc(row.get("id")));
        TypedQuery<HistoryRecord> page = entities.createQuery(select)
                .setFirstResult(query.page() * query.size()).setMaxResults(query.size());

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<HistoryRecord> counted = count.from(HistoryRecord.class);
        count.select(cb.count(counted)).where(filters(cb, counted, query, hidden));

        List<HistoryEvent> events = page.getResultList().stream().map(History::event).toList();
        return new HistoryPage(events, entities.createQuery(count).getSingleResult(), query.page(), query.size());
    }

    /**
     * Keeps entries. Called by the application's own observers (on threads with no signed-in caller), never from an
     * edge: nothing a user sends is written here.
     */
    @PermitAll
    public void append(List<HistoryEvent> events) {
        for (HistoryEvent event : events) {
            HistoryRecord row = new HistoryRecord();
            row.time = event.time();
            row.kind = event.kind();
            row.action = event.action();
            row.objectId = event.objectId();
            row.objectName = event.objectName();
            row.service = event.service();
            row.stack = event.stack();
            row.summary = event.summary().length() > 1000 ? event.summary().substring(0, 999) + "…" : event.summary();
            row.cluster = event.cluster() == null ? RegisteredCluster.DEFAULT : event.cluster();
            entities.persist(row);
        }
    }

    /**
     * Keeps those of {@code seen} that the history does not already say (another instance kept them): what an instance
     * saw while another held the lease, kept when it takes the lease over. See {@link HistoryEntries#notAmong}.
     *
     * @return how many were missing, and are now kept
     */
    @PermitAll
    public int appendMissing(List<HistoryEvent> seen, Duration tolerance) {
        if (seen.isEmpty()) {
            return 0;
        }
        Instant from = seen.stream().map(HistoryEvent::time).min(Instant::compareTo).orElseThrow().minus(tolerance);
        Instant to = seen.stream().map(HistoryEvent::time).max(Instant::compareTo).orElseThrow().plus(tolerance);
        List<HistoryEvent> kept = entities.createQuery("SELECT h FROM HistoryRecord h WHERE h.time >= :from AND h.time <= :to ORDER BY h.time",
                        HistoryRecord.class).setParameter("from", from).setParameter("to", to)
                .setMaxResults(MAX_COMPARED).getResultList().stream().map(History::event).toList();
        List<HistoryEvent> missing = HistoryEntries.notAmong(seen, kept, tolerance);
        append(missing);
        return missing.size();
    }

    /** Removes the entries older than {@code before}; answers how many. */
    @PermitAll
    public int purge(Instant before) {
        return entities.createQuery("DELETE FROM HistoryRecord h WHERE h.time < :before")
                .setParameter("before", before).executeUpdate();
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<HistoryRecord> row, HistoryQuery query, List<String> hidden) {
        List<Predicate> where = new ArrayList<>();
        if (!hidden.isEmpty()) {
            where.add(cb.or(cb.isNull(row.get("cluster")), cb.not(row.get("cluster").in(hidden))));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(row.get("time"), query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(row.get("time"), query.to()));
        }
        if (query.kind() != null) {
            where.add(cb.equal(row.get("kind"), query.kind()));
        }
        if (query.object() != null) {
            where.add(cb.or(cb.equal(row.get("objectName"), query.object()), cb.equal(row.get("service"), query.object()),
                    cb.like(row.get("objectId"), escaped(query.object()) + "%", '\\')));
        }
        if (query.stack() != null) {
            where.add(cb.equal(row.get("stack"), query.stack()));
        }
        if (query.cluster() != null) {
            where.add(RegisteredCluster.DEFAULT.equals(query.cluster())
                    ? cb.or(cb.isNull(row.get("cluster")), cb.equal(row.get("cluster"), query.cluster()))
                    : cb.equal(row.get("cluster"), query.cluster()));
        }
        if (query.text() != null) {
            where.add(cb.like(cb.lower(row.get("summary")), "%" + escaped(query.text().toLowerCase(Locale.ROOT)) + "%", '\\'));
        }
        return where.toArray(Predicate[]::new);
    }

    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static HistoryEvent event(HistoryRecord row) {
        return new HistoryEvent(row.id, row.time, row.kind, row.action, row.objectId, row.objectName, row.service, row.stack,
                row.summary, row.cluster == null ? RegisteredCluster.DEFAULT : row.cluster);
    }
}
