package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.OperationConflictException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 409: valid, but the cluster's state forbids it now; the message says why. */
@Provider
public class ConflictMapper implements ExceptionMapper<OperationConflictException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(OperationConflictException e) {
        return ErrorResponses.of(Response.Status.CONFLICT, e.phrase(), headers);
    }
}
