package dev.swarmmanager.rest.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 for a body that is not JSON or does not fit the request's types ({@code "replicas": "five"}). */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<JsonbException> {

    @Context
    HttpHeaders headers;
    @Override
    public Response toResponse(JsonbException e) {
        return ErrorResponses.of(Response.Status.BAD_REQUEST, MalformedBody.describe(e), headers);
    }
}
