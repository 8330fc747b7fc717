package dev.swarmmanager.rest.clusters;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * A resource made under {@code /api/clusters/{cluster}/swarm/...} is linked there: the resources build their
 * {@code Location} from the API's own base, which is {@code /api/swarm/} for a request {@link ClusterRoutes} handed on.
 */
@Provider
public class ClusterLinks implements ContainerResponseFilter {

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object cluster = servletRequest.getAttribute(ClusterRoutes.CLUSTER);
        URI location = response.getLocation();
        if (cluster == null || location == null) {
            return;
        }
        String base = request.getUriInfo().getBaseUri().getRawPath(); // "/api/swarm/"
        String path = location.getRawPath();
        if (path != null && path.startsWith(base) && base.endsWith("/swarm/")) {
            String routed = base.substring(0, base.length() - "swarm/".length()) + "clusters/" + cluster + "/swarm/"
                    + path.substring(base.length());
            response.getHeaders().putSingle(HttpHeaders.LOCATION, location.resolve(routed));
        }
    }
}
