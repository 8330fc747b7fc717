package dev.swarmmanager.rest.health;

import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.health.boundary.ClusterHealth;
import dev.swarmmanager.rest.json.Envelope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Health and statistics, answered from the cache without calling Docker. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    ClusterHealth health;

    @Inject
    @ConfigProperty(name = "swarm.docker.host", defaultValue = "unix:///var/run/docker.sock")
    String dockerHost;

    /** Always 200: an unhealthy cluster is a valid answer, with its reasons. */
    @GET
    @Path("health")
    public Envelope health() {
        return Envelope.of(health.health());
    }

    @GET
    @Path("statistics")
    public Envelope statistics() {
        var statistics = health.statistics();
        if (statistics == null) {
            throw new DockerUnavailableException(dockerHost, "the cluster has not been read yet: "
                    + String.join("; ", health.health().reasons()), null);
        }
        return Envelope.of(statistics);
    }
}
