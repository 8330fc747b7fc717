package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.DockerUnavailableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 503 with the reason and the configured Docker host; a client may retry later, nothing changed. */
@Provider
public class DockerUnavailableMapper implements ExceptionMapper<DockerUnavailableException> {
    @Override
    public Response toResponse(DockerUnavailableException e) {
        return Response.fromResponse(ErrorResponses.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header("Retry-After", "10").build();
    }
}
