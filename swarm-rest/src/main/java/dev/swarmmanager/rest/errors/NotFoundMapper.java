package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.ResourceNotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404: no node, service or stack by that name or ID. */
@Provider
public class NotFoundMapper implements ExceptionMapper<ResourceNotFoundException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ResourceNotFoundException e) {
        return ErrorResponses.of(Response.Status.NOT_FOUND, e.phrase(), headers);
    }
}
