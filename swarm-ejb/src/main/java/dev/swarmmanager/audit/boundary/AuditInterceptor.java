package dev.swarmmanager.audit.boundary;

import dev.swarmmanager.audit.control.Attempt;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.domain.AuditOutcome;
import dev.swarmmanager.domain.PolicyViolationException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records each call of an {@link Audited} method: a row before it starts ({@code attempted}, committed, so that the
 * attempt cannot be lost), completed after it ends with its outcome (succeeded, failed, or refused by the deployment
 * policy), errors included, and with what the call noted on the way ({@link AuditNotes}: the policy rules an admin
 * bypassed). It runs inside the bean, so only after the container let the caller in: calls the container refused are
 * recorded by the edges that receive the denial.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class AuditInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditInterceptor.class.getName());

    @Inject
    AuditLog log;

    @AroundInvoke
    public Object record(InvocationContext call) throws Exception {
        Attempt attempt = Attempt.of(call.getMethod(), call.getParameters());
        long row = log.begin(attempt); // if this fails, nothing is attempted
        AuditNotes.open();
        Object result;
        try {
            result = call.proceed();
        } catch (PolicyViolationException e) {
            finish(row, attempt.with(AuditNotes.close()), AuditOutcome.DENIED, e.getMessage());
            throw e;
        } catch (Exception | Error e) {
            finish(row, attempt.with(AuditNotes.close()), AuditOutcome.FAILED,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
        finish(row, attempt.with(AuditNotes.close()), AuditOutcome.SUCCEEDED, null);
        return result;
    }

    /**
     * The change is done (or failed): a failure to record how it ended must not turn its answer into an error. The
     * row then stays {@code attempted}, which is the truth the log can tell.
     */
    private void finish(long row, Attempt attempt, AuditOutcome outcome, String error) {
        try {
            log.finish(row, attempt, outcome, error);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "audit row " + row + " (" + attempt.action() + " " + attempt.target()
                    + ") could not be completed with its outcome " + outcome, e);
        }
    }
}
