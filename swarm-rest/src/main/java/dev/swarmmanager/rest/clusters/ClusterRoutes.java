package dev.swarmmanager.rest.clusters;

import dev.swarmmanager.clusters.boundary.ClusterRoute;
import dev.swarmmanager.clusters.boundary.Clusters;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.security.ApiRefusals;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /api/clusters/{cluster}/swarm/...}: the same operations as {@code /api/swarm/...}, on any managed Swarm.
 * The request is handed to the API as it is, under the cluster's {@link ClusterRoute}, so every resource, check,
 * policy and audit entry is the one of the default routes, and only the Engine differs. A servlet rather than a
 * filter: the API's own filters (body limits, cross-site writes, headers) have run on the request by the time it
 * gets here, and are not run again on the way in.
 */
@WebServlet(urlPatterns = "/clusters/*", asyncSupported = true)
public class ClusterRoutes extends HttpServlet {

    /** The request attribute naming the cluster a request works on, for the answer's links ({@link ClusterLinks}). */
    static final String CLUSTER = ClusterRoutes.class.getName() + ".cluster";

    private static final Pattern ROUTE = Pattern.compile("/clusters/([a-z0-9][a-z0-9-]{0,62})/swarm/([a-z-]+)(/[^?#]*)?");

    /**
     * The parts of the API that are a Swarm's. The rest (users, audit, policy, templates, autoscaling, alerts, history,
     * the registry of clusters) belongs to this server and is only at {@code /api/swarm/...}. Each cluster's change
     * feed ({@code events}) is its own.
     */
    static final Set<String> PER_CLUSTER = Set.of("info", "init", "join-token", "leave", "health", "statistics", "nodes",
            "services", "tasks", "networks", "secrets", "configs", "resources", "export", "stacks", "deploy-stack", "events");

    @Inject
    Clusters clusters;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher route = ROUTE.matcher(path);
        // The raw path: dot segments, encoded or not, could walk out of the Swarm's operations once forwarded.
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (!route.matches() || !PER_CLUSTER.contains(route.group(2)) || lower.contains("/.") || lower.contains("%2e")
                || lower.contains("%2f") || lower.contains("%5c") || lower.contains(";")) {
            ApiRefusals.write(request, response, HttpServletResponse.SC_NOT_FOUND, Phrase.of("clusters.no-route"));
            return;
        }
        ClusterRoute target;
        try {
            target = clusters.route(route.group(1));
        } catch (ResourceNotFoundException e) {
            ApiRefusals.write(request, response, HttpServletResponse.SC_NOT_FOUND, e.phrase());
            return;
        } catch (EJBAccessException e) { // the cluster's own group mapping gives the caller no role there
            ApiRefusals.write(request, response, HttpServletResponse.SC_FORBIDDEN, Phrase.of("clusters.no-role", route.group(1)));
            return;
        } catch (SwarmException e) { // its certificates cannot be opened (the key changed or is missing)
            ApiRefusals.write(request, response, e instanceof DockerUnavailableException ? 503 : 409, e.phrase());
            return;
        }
        String rest = route.group(3) == null ? "" : route.group(3);
        String query = request.getQueryString();
        request.setAttribute(CLUSTER, target.cluster());
        try (ClusterRoute.Scope ignored = target.enter()) {
            request.getRequestDispatcher("/swarm/" + route.group(2) + rest + (query == null ? "" : "?" + query))
                    .forward(request, response);
        }
    }
}
