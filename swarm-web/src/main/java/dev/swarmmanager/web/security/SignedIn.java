package dev.swarmmanager.web.security;

import dev.swarmmanager.security.SignInMechanism;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Where the provider sends the browser back after sign-in ({@code redirectURI} of {@link SingleSignOn}): by the
 * time this runs the mechanism has signed the user in; it goes on to the page first asked for.
 */
@WebServlet("/callback")
public class SignedIn extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Object original = session == null ? null : session.getAttribute(SignInMechanism.SESSION_ORIGINAL_URL);
        if (session != null) {
            session.removeAttribute(SignInMechanism.SESSION_ORIGINAL_URL);
        }
        String home = request.getContextPath() + "/";
        response.sendRedirect(original instanceof String url && url.startsWith(home) ? url : home);
    }
}
