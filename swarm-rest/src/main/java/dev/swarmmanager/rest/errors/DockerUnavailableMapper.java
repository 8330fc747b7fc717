package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.Role;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** 503 with the reason (and for admins the configured Docker host); a client may retry later, nothing changed. */
@Provider
public class DockerUnavailableMapper implements ExceptionMapper<DockerUnavailableException> {

    @Context
    SecurityContext caller;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(DockerUnavailableException e) {
        Locale language = ErrorResponses.language(headers);
        String message = caller != null && caller.isUserInRole(Role.ADMIN_NAME) ? e.messageWithHost(language) : e.messageIn(language);
        return Response.fromResponse(ErrorResponses.of(503, message, language))
                .header("Retry-After", "10").build();
    }
}
