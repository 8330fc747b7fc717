package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.PolicyViolationException;
import dev.swarmmanager.rest.json.Envelope;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * The deployment policy refused the write, and nothing changed: 403 when an admin could do it (the caller's role
 * does not allow it), 400 when no one may. Each violation comes with its rule, its Compose path and, for a stack
 * file, its line. The refusal is already in the audit log (the audited call recorded it).
 */
@Provider
public class PolicyViolationMapper implements ExceptionMapper<PolicyViolationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(PolicyViolationException e) {
        Locale language = ErrorResponses.language(headers);
        return Response.status(e.roleMatters() ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(Envelope.refusal(e.messageIn(language), e.violations()))
                .language(language).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
