package dev.swarmmanager.rest.errors;

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
            400, "the request is malformed",
            411, "a request body must say its length",
            413, "the request body is too large for this endpoint",
            401, ApiRefusals.SIGN_IN_REQUIRED, // MicroProfile JWT's refusal of a bearer token (ours answer themselves)
            403, "your account has none of the roles viewer, operator or admin",
            404, "no such API path",
            500, "internal error");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute("jakarta.servlet.error.status_code");
        int status = code instanceof Integer c ? c : 404;
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        String message = MESSAGES.getOrDefault(status, "request failed");
        response.getWriter().write("{\"success\":false,\"error\":\"" + message + "\"}");
    }
}
