package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.Causes;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.rest.security.BodyLimits;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own refusals (unknown path, wrong method, unsupported media type, unreadable body) in our envelope,
 * so a client parses one error shape whatever went wrong.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;
    @Override
    public Response toResponse(WebApplicationException e) {
        BodyLimits.TooLarge tooLarge = BodyLimits.TooLarge.in(e);
        if (tooLarge != null) {
            return ErrorResponses.of(413, tooLarge.phrase(), headers);
        }
        int status = e.getResponse().getStatus();
        if (hasCause(e, JsonbException.class) || hasCause(e, ProcessingException.class)) {
            return ErrorResponses.of(Response.Status.BAD_REQUEST, MalformedBody.describe(e), headers);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        Phrase message = switch (status) {
            case 400 -> Phrase.of("http.400");
            case 404 -> Phrase.of("http.404");
            case 405 -> Phrase.of("http.405");
            case 415 -> Phrase.of("http.415");
            case 406 -> Phrase.of("http.406");
            default -> Phrase.of("http.reason", known == null ? "HTTP " + status : known.getReasonPhrase());
        };
        Response response = ErrorResponses.of(status, message, headers);
        return e.getResponse().getHeaderString("Allow") == null ? response
                : Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return Causes.find(e, type).isPresent();
    }
}
