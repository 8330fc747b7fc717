package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.InvalidRequestException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400: the request is wrong and nothing changed; the message names the field and what it accepts. */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<InvalidRequestException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(InvalidRequestException e) {
        return ErrorResponses.of(Response.Status.BAD_REQUEST, e.phrase(), headers);
    }
}
