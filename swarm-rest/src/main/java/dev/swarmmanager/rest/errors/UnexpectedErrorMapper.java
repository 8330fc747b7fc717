package dev.swarmmanager.rest.errors;

import dev.swarmmanager.rest.security.BodyLimits;
import dev.swarmmanager.domain.Phrase;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A bug: 500 with a reference to find it in the server log, never a stack trace for the client. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    @Context
    HttpHeaders headers;

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        BodyLimits.TooLarge tooLarge = BodyLimits.TooLarge.in(e);
        if (tooLarge != null) {
            return ErrorResponses.of(413, tooLarge.phrase(), headers);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "unexpected error, reference " + reference, e);
        return ErrorResponses.of(Response.Status.INTERNAL_SERVER_ERROR, Phrase.of("server.internal-error", reference), headers);
    }
}
