package dev.swarmmanager.web;

import dev.swarmmanager.clusters.boundary.ClusterRoute;
import dev.swarmmanager.clusters.boundary.Clusters;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The Swarm a signed-in user switched the pages to ({@link ClusterSwitch}): every request of theirs works on it, the
 * pages' reads and writes and a log follow alike, as a request under {@code /api/clusters/{cluster}/swarm/} does. The
 * choice is a name in the session, so it follows the user to another replica; a cluster that is no longer registered
 * (or no longer gives them a role) sends them back to the default one, and a form sent for it is not run at all, on
 * either. The server's own pages (alerts, audit, clusters, history, templates, users) stay on the default cluster (the
 * history, which holds every cluster's, starts filtered on the chosen one).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ChosenCluster extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ChosenCluster.class.getName());

    /** The session attribute holding the chosen cluster's name; absent for the default one. */
    static final String ATTRIBUTE = "dev.swarmmanager.web.cluster";

    /** Pages about this server rather than a Swarm: what they show and change is the same whichever is chosen. */
    private static final Pattern SERVER_PAGES = Pattern.compile("/(alerts|audit|clusters|history|templates|users)\\.xhtml");

    @Inject
    Clusters clusters;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        Object chosen = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (!(chosen instanceof String name) || request.getUserPrincipal() == null
                || SERVER_PAGES.matcher(request.getServletPath()).matches()) {
            chain.doFilter(request, response);
            return;
        }
        ClusterRoute route;
        try {
            route = clusters.route(name);
        } catch (RuntimeException gone) { // unregistered meanwhile, no role there now, or its certificates cannot be opened
            LOG.log(Level.FINE, "the chosen cluster " + name + " cannot be worked on: back to the default", gone);
            session.removeAttribute(ATTRIBUTE);
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                session.setAttribute(ATTRIBUTE + ".lost", name); // for the page it reloads
                reload(request, response); // a form sent for that cluster must not run on the default one
                return;
            }
            request.setAttribute(ATTRIBUTE + ".lost", name);
            route = ClusterRoute.DEFAULT;
        }
        try (ClusterRoute.Scope ignored = route.enter()) {
            chain.doFilter(request, response);
        }
    }

    /** Sends the browser to the page again (a JSF Ajax request is told in its own words), which then says why. */
    private static void reload(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String page = request.getRequestURI();
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + page.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\"/></partial-response>");
        } else {
            response.sendRedirect(page);
        }
    }
}
