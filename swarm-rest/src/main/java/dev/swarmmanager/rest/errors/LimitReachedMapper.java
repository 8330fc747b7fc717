package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.LimitReachedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 429: a limit that protects the server is reached; retry later. */
@Provider
public class LimitReachedMapper implements ExceptionMapper<LimitReachedException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(LimitReachedException e) {
        return Response.fromResponse(ErrorResponses.of(Response.Status.TOO_MANY_REQUESTS, e.phrase(), headers))
                .header("Retry-After", "10").build();
    }
}
