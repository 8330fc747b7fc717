package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.Causes;
import dev.swarmmanager.rest.security.BodyLimits;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own refusals (unknown path, wrong method, unsupported media type, unreadable body) in our envelope,
 * so a client parses one error shape whatever went wrong.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        BodyLimits.TooLarge tooLarge = BodyLimits.TooLarge.in(e);
        if (tooLarge != null) {
            return ErrorResponses.of(413, tooLarge.getMessage());
        }
        int status = e.getResponse().getStatus();
        if (hasCause(e, JsonbException.class) || hasCause(e, ProcessingException.class)) {
            return ErrorResponses.of(Response.Status.BAD_REQUEST, MalformedBody.describe(e));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String message = switch (status) {
            case 400 -> "the request body is missing or is not valid JSON";
            case 404 -> "no such endpoint";
            case 405 -> "method not allowed on this endpoint";
            case 415 -> "unsupported content type: send application/json";
            case 406 -> "this endpoint answers application/json";
            default -> known == null ? "HTTP " + status : known.getReasonPhrase();
        };
        Response response = ErrorResponses.of(status, message);
        return e.getResponse().getHeaderString("Allow") == null ? response
                : Response.fromResponse(response).header("Allow", e.getResponse().getHeaderString("Allow")).build();
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return Causes.find(e, type).isPresent();
    }
}
