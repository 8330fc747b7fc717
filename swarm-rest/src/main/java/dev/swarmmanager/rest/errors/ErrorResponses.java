package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.rest.json.AnswerLanguage;
import dev.swarmmanager.rest.json.Envelope;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Builds the error envelope with a status: the one place every mapper goes through. The message is in the first
 * language of the request's {@code Accept-Language} we speak (English otherwise), and says which.
 */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Locale language(HttpHeaders headers) {
        return AnswerLanguage.of(headers);
    }

    static Response of(Response.Status status, Phrase message, HttpHeaders headers) {
        return of(status.getStatusCode(), message, headers);
    }

    static Response of(int status, Phrase message, HttpHeaders headers) {
        return of(status, message.in(language(headers)), language(headers));
    }

    static Response of(int status, String message, Locale language) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Envelope.error(message))
                .language(language).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
