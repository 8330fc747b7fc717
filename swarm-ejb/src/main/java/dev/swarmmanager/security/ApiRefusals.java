package dev.swarmmanager.security;

import dev.swarmmanager.domain.Phrase;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;

/**
 * The API's refusals written straight to the servlet response, in the API's envelope and the reader's language: a
 * sign-in refused by the authentication mechanism (401, 429), and the refusals of servlet code that runs before
 * JAX-RS (a body too large, the container's error pages).
 *
 * <p>The mechanism writes its own, not through the API's error pages (swarm-rest's {@code ContainerErrors}), which
 * would be the obvious place: Payara sends a mechanism's {@code sendError} there, but Open Liberty answers it with an
 * empty page, and runs the mechanism again for the error page's dispatch, which counted every failed sign-in twice
 * towards the throttle.
 */
public final class ApiRefusals {

    public static final String SIGN_IN_REQUIRED = "auth.sign-in-required";
    public static final String TOO_MANY_FAILURES = "auth.too-many-failures";

    private ApiRefusals() {
    }

    static AuthenticationStatus send(HttpServletRequest request, HttpServletResponse response, int status, String key) {
        if (response.isCommitted()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            write(request, response, status, Phrase.of(key));
            response.flushBuffer(); // committed: the container cannot send it to an error page instead
        } catch (IOException clientGone) {
            // nothing to tell a client that has left; still a refusal
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The request's most wanted language we speak; English when it names none. Not the servlet's own default: without
     * {@code Accept-Language}, {@code getLocales()} answers the server's locale, which is no choice of the reader's.
     */
    public static Locale language(HttpServletRequest request) {
        try {
            return request.getHeader("Accept-Language") == null ? Phrase.LANGUAGES.get(0)
                    : Phrase.language(Collections.list(request.getLocales()));
        } catch (RuntimeException unreadable) {
            return Phrase.LANGUAGES.get(0);
        }
    }

    /** {@code {"success":false,"error":"..."}} with {@code status}, in the first language of the request we speak. */
    public static void write(HttpServletRequest request, HttpServletResponse response, int status, Phrase message) throws IOException {
        Locale language = language(request);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Language", language.toLanguageTag());
        response.addHeader("Vary", "Accept-Language");
        response.getWriter().write(Json.createObjectBuilder().add("success", false).add("error", message.in(language)).build().toString());
    }
}
