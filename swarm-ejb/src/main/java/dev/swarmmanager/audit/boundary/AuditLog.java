package dev.swarmmanager.audit.boundary;

import dev.swarmmanager.audit.control.Attempt;
import dev.swarmmanager.audit.control.Denial;
import dev.swarmmanager.audit.entity.AuditRecord;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.AuditEntry;
import dev.swarmmanager.domain.AuditOutcome;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.domain.AuditPage;
import dev.swarmmanager.domain.AuditQuery;
import dev.swarmmanager.domain.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Writes and reads the audit log. Only admins read it. */
@Stateless
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final int MAX_ERROR = 2000;

    @PersistenceContext
    EntityManager entities;

    @Inject
    SecurityContext security;

    @Inject
    Instance<HttpServletRequest> request;

    /**
     * Records one attempt, in a transaction of its own so that it stays when the operation's rolls back. The user,
     * roles and client address are the current caller's.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(Attempt attempt, AuditOutcome outcome, String error) {
        writeForCaller(attempt, outcome, error);
    }

    /**
     * Records that a change is about to be attempted, committed before the change starts: if the server stops
     * half-way, the row stays {@code attempted}; if this write fails, the change is not made.
     *
     * @return the row, for {@link #finish}
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long begin(Attempt attempt) {
        AuditRecord row = writeForCaller(attempt, AuditOutcome.ATTEMPTED, null);
        entities.flush();
        return row.id;
    }

    /** Records how an attempt {@linkplain #begin begun} ended, with what the call noted on the way. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(long row, Attempt attempt, AuditOutcome outcome, String error) {
        // An update query: the row is not loaded, and nothing depends on the provider noticing changed fields.
        entities.createQuery("UPDATE AuditRecord r SET r.outcome = :outcome, r.error = :error, r.parameters = :parameters "
                        + "WHERE r.id = :id")
                .setParameter("outcome", outcome).setParameter("error", error(error))
                .setParameter("parameters", parameters(attempt)).setParameter("id", row).executeUpdate();
    }

    private AuditRecord writeForCaller(Attempt attempt, AuditOutcome outcome, String error) {
        Principal caller = security.getCallerPrincipal();
        return write(caller == null ? "anonymous" : caller.getName(), String.join(",", Arrays.stream(Role.values())
                .filter(role -> security.isCallerInRole(role.toString())).map(Role::toString).toList()),
                attempt, outcome, error);
    }

    /**
     * Records what the application did by itself, under the name it acts as ({@code autoscaler}) and the role it
     * acts with: such work runs on the server's own threads, where there is no signed-in caller.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFor(String actor, String role, Attempt attempt, AuditOutcome outcome, String error) {
        write(actor, role, attempt, outcome, error);
    }

    /**
     * Records a failed local sign-in, under the name it was tried with (no one is signed in yet).
     *
     * @param reason unknown account, wrong password, account disabled: for the admins' eyes only (the caller is
     *               told none of it)
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void signInFailed(String user, String reason) {
        write(user, "", new Attempt("sign-in", user, Map.of()), AuditOutcome.FAILED, reason);
    }

    private AuditRecord write(String user, String roles, Attempt attempt, AuditOutcome outcome, String error) {
        AuditRecord row = new AuditRecord();
        row.time = Instant.now();
        row.user = fit(user, 200);
        row.roles = roles;
        row.action = attempt.action();
        // Every field cut to its column: a row that does not fit would be lost, and the attempt with it.
        row.target = fit(attempt.target(), 255);
        row.parameters = parameters(attempt);
        row.outcome = outcome;
        row.error = error(error);
        row.clientAddress = clientAddress();
        row.cluster = EngineTarget.clusterName();
        entities.persist(row);
        LOG.log(Level.FINE, "audit: {0} {1} {2} {3}", new Object[] {row.user, row.action, row.target, outcome});
        return row;
    }

    private static String parameters(Attempt attempt) {
        String parameters = json(attempt.parameters());
        return parameters.length() <= 4000 ? parameters : json(Map.of("truncated", parameters.substring(0, 1800)));
    }

    private static String error(String error) {
        return storable(error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR));
    }

    /**
     * Records a change the container refused. {@code denial} is the container's exception: its stack names the
     * audited method that was aimed at; {@code target} is what the edge knows it was aimed at. A refused read
     * (not {@code @Audited}) is not recorded.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void denied(Throwable denial, String target) {
        Denial.attempt(denial, target).ifPresent(attempt ->
                record(attempt, AuditOutcome.DENIED, "not allowed for the caller's roles"));
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public AuditPage search(AuditQuery query) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<AuditRecord> select = cb.createQuery(AuditRecord.class);
        Root<AuditRecord> row = select.from(AuditRecord.class);
        select.where(filters(cb, row, query)).orderBy(cb.desc(row.get("time")), cb.desc(row.get("id")));
        TypedQuery<AuditRecord> page = entities.createQuery(select)
                .setFirstResult(query.page() * query.size()).setMaxResults(query.size());

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditRecord> counted = count.from(AuditRecord.class);
        count.select(cb.count(counted)).where(filters(cb, counted, query));

        List<AuditEntry> entries = page.getResultList().stream().map(AuditLog::entry).toList();
        return new AuditPage(entries, entities.createQuery(count).getSingleResult(), query.page(), query.size());
    }

    private static Predicate[] filters(CriteriaBuilder cb, Root<AuditRecord> row, AuditQuery query) {
        List<Predicate> where = new ArrayList<>();
        prefix(cb, row, "user", query.user(), where);
        prefix(cb, row, "action", query.action(), where);
        prefix(cb, row, "target", query.target(), where);
        if (query.outcome() != null) {
            where.add(cb.equal(row.get("outcome"), query.outcome()));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(row.get("time"), query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(row.get("time"), query.to()));
        }
        return where.toArray(Predicate[]::new);
    }

    private static void prefix(CriteriaBuilder cb, Root<AuditRecord> row, String field, String value, List<Predicate> where) {
        if (value != null) {
            String escaped = value.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.add(cb.like(cb.lower(row.get(field)), escaped + "%", '\\'));
        }
    }

    private static AuditEntry entry(AuditRecord row) {
        List<String> roles = row.roles == null || row.roles.isEmpty() ? List.of() : List.of(row.roles.split(","));
        return new AuditEntry(row.id, row.time, row.user, roles, row.action, row.target, parameters(row.parameters),
                row.outcome, row.error, row.clientAddress, row.cluster == null ? RegisteredCluster.DEFAULT : row.cluster);
    }

    private static String fit(String value, int column) {
        return storable(value == null || value.length() <= column ? value : value.substring(0, column - 1) + "…");
    }

    /**
     * PostgreSQL refuses a NUL character in any text column, and a name or an error can carry one from a hostile
     * request: the row would be lost, and the request answered with a 500. Shown as U+FFFD, the replacement character.
     */
    private static String storable(String value) {
        return value == null || value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    private static String json(Map<String, String> parameters) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        parameters.forEach(object::add);
        return object.build().toString();
    }

    private static Map<String, String> parameters(String json) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (json != null && !json.isEmpty()) {
            JsonObject object = Json.createReader(new StringReader(json)).readObject();
            object.forEach((name, value) -> parameters.put(name,
                    value instanceof JsonString text ? text.getString() : value.toString()));
        }
        return parameters;
    }

    /** The address the request came from, when the call comes from an HTTP request (it is null for timers). */
    private String clientAddress() {
        try {
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException noRequest) {
            return null;
        }
    }
}
