package dev.swarmmanager.rest.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * No change through the API from another site's page. A browser that holds credentials for this server (a session,
 * or Basic credentials typed once) would attach them to a form another site posts here, and a multipart form needs no
 * CORS preflight. Browsers say where a request comes from (Sec-Fetch-Site, Origin): a write from elsewhere is refused
 * (403) before anything reads it. Scripts and CLI clients send neither header and are not affected.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CrossSiteWrites extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE.contains(request.getMethod()) && fromElsewhere(request)) {
            response.setStatus(403);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"success\":false,\"error\":\"a change cannot come from another site's page\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean fromElsewhere(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI from = URI.create(origin);
            String host = request.getHeader("Host");
            return from.getAuthority() == null || host == null || !from.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return true; // "null" (a sandboxed frame) or garbage: not this site
        }
    }
}
