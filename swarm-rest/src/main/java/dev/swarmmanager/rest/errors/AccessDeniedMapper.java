package dev.swarmmanager.rest.errors;

import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.domain.Phrase;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 403: the caller is signed in but their role does not allow the operation (the EJB refused the call). The
 * attempt is written to the audit log, aimed at the first path parameter (the service, node or stack).
 */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Inject
    AuditLog audit;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(EJBAccessException e) {
        String target = uri.getPathParameters().values().stream().flatMap(v -> v.stream()).findFirst().orElse(null);
        audit.denied(e, target);
        return ErrorResponses.of(Response.Status.FORBIDDEN, Phrase.of("auth.role"), headers);
    }
}
