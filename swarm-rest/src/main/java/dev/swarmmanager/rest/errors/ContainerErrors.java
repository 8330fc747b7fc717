package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.security.ApiRefusals;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The error pages of the container (not of JAX-RS): a request without valid credentials (401), a signed-in user
 * with none of our roles (403), an unknown path (404). Answered in the API's envelope, with no server details.
 */
@WebServlet("/error/*")
public class ContainerErrors extends HttpServlet {

    private static final Map<Integer, String> MESSAGES = Map.of(
            400, "http.malformed",
            411, "http.411",
            413, "http.413",
            401, ApiRefusals.SIGN_IN_REQUIRED, // MicroProfile JWT's refusal of a bearer token (ours answer themselves)
            403, "auth.no-role",
            404, "http.no-path",
            500, "server.internal");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer c ? c : 404;
        ApiRefusals.write(request, response, status, Phrase.of(MESSAGES.getOrDefault(status, "http.failed")));
    }
}
