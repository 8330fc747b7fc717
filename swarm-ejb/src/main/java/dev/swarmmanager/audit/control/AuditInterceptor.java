package dev.swarmmanager.audit.control;

import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.domain.AuditOutcome;
import dev.swarmmanager.domain.PolicyViolationException;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Records each call of an {@link Audited} method after it ends, succeeded, failed or refused by the deployment
 * policy, with what the call noted on the way ({@link AuditNotes}: the policy rules an admin bypassed). It runs inside
 * the bean, so only after the container let the caller in: calls the container refused are recorded by the edges
 * that receive the denial.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class AuditInterceptor {

    @Inject
    AuditLog log;

    @AroundInvoke
    public Object record(InvocationContext call) throws Exception {
        Attempt attempt = Attempt.of(call.getMethod(), call.getParameters());
        AuditNotes.open();
        Object result;
        try {
            result = call.proceed();
        } catch (PolicyViolationException e) {
            log.record(attempt.with(AuditNotes.close()), AuditOutcome.DENIED, e.getMessage());
            throw e;
        } catch (Exception | Error e) {
            log.record(attempt.with(AuditNotes.close()), AuditOutcome.FAILED,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
        log.record(attempt.with(AuditNotes.close()), AuditOutcome.SUCCEEDED, null);
        return result;
    }
}
