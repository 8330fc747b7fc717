package dev.swarmmanager.rest.errors;

import dev.swarmmanager.rest.security.BodyLimits;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 400 for a body Jersey could not read into the request type: not JSON, or the wrong types. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    HttpHeaders headers;
    @Override
    public Response toResponse(ProcessingException e) {
        BodyLimits.TooLarge tooLarge = BodyLimits.TooLarge.in(e);
        if (tooLarge != null) {
            return ErrorResponses.of(413, tooLarge.phrase(), headers);
        }
        return ErrorResponses.of(Response.Status.BAD_REQUEST, MalformedBody.describe(e), headers);
    }
}
