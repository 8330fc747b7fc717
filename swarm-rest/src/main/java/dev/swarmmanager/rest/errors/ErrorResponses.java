package dev.swarmmanager.rest.errors;

import dev.swarmmanager.rest.json.Envelope;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the error envelope with a status: the one place every mapper goes through. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(Response.Status status, String message) {
        return of(status.getStatusCode(), message);
    }

    static Response of(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Envelope.error(message)).build();
    }
}
