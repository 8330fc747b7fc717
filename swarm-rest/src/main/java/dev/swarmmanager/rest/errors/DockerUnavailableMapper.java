package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.Role;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 with the reason (and for admins the configured Docker host); a client may retry later, nothing changed. */
@Provider
public class DockerUnavailableMapper implements ExceptionMapper<DockerUnavailableException> {

    @Context
    SecurityContext caller;

    @Override
    public Response toResponse(DockerUnavailableException e) {
        String message = caller != null && caller.isUserInRole(Role.ADMIN_NAME) ? e.messageWithHost() : e.getMessage();
        return Response.fromResponse(ErrorResponses.of(Response.Status.SERVICE_UNAVAILABLE, message))
                .header("Retry-After", "10").build();
    }
}
