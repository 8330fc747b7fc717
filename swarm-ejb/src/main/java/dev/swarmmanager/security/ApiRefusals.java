package dev.swarmmanager.security;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's refusals of a sign-in (401, 429), written in the API's envelope by the authentication mechanism itself.
 * Not through the API's error pages (swarm-rest's {@code ContainerErrors}), which would be the obvious place: Payara
 * sends a mechanism's {@code sendError} there, but Open Liberty answers it with an empty page, and runs the mechanism
 * again for the error page's dispatch, which counted every failed sign-in twice towards the throttle.
 */
public final class ApiRefusals {

    public static final String SIGN_IN_REQUIRED =
            "sign-in required: send a bearer token from the identity provider (or, in local mode, Basic credentials)";
    public static final String TOO_MANY_FAILURES =
            "too many failed sign-ins for this account or from this address: try again after Retry-After seconds";

    private ApiRefusals() {
    }

    /** Answers with {@code status} and {@code message} (a constant of ours: nothing in it needs escaping). */
    static AuthenticationStatus send(HttpServletResponse response, int status, String message) {
        if (response.isCommitted()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            response.getWriter().write("{\"success\":false,\"error\":\"" + message + "\"}");
            response.flushBuffer(); // committed: the container cannot send it to an error page instead
        } catch (IOException clientGone) {
            // nothing to tell a client that has left; still a refusal
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
