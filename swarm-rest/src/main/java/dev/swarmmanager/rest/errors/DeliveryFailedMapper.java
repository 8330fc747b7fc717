package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.DeliveryFailedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 502: the receiver of a notification (a webhook, the SMTP server) refused it or did not answer. */
@Provider
public class DeliveryFailedMapper implements ExceptionMapper<DeliveryFailedException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(DeliveryFailedException e) {
        return ErrorResponses.of(Response.Status.BAD_GATEWAY, e.phrase(), headers);
    }
}
