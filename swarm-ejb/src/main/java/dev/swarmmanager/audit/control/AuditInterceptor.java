package dev.swarmmanager.audit.control;

import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.domain.AuditOutcome;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Records each call of an {@link Audited} method after it ends, succeeded or failed. It runs inside the bean, so
 * only after the container let the caller in: denied calls are recorded by the edges that receive the denial.
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
        try {
            Object result = call.proceed();
            log.record(attempt, AuditOutcome.SUCCEEDED, null);
            return result;
        } catch (Exception e) {
            log.record(attempt, AuditOutcome.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }
}
