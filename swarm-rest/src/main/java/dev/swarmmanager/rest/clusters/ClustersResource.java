package dev.swarmmanager.rest.clusters;

import dev.swarmmanager.clusters.boundary.Clusters;
import dev.swarmmanager.domain.ClusterDraft;
import dev.swarmmanager.domain.ClusterOverview;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Swarms this server manages: the default one and those registered by admins, each with its health. */
@Tag(name = "Clusters", description = "The Swarms managed from this server and their health")
@Path("clusters")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClustersResource {

    private static final String OVERVIEW = "{\"name\":\"staging\",\"docker_host\":\"tcp://10.0.8.11:2376\",\"default_cluster\":false,"
            + "\"health\":\"degraded\",\"reasons\":[\"node worker3 is down\"],\"swarm_id\":\"usqf2xnmx7au5wvb4lbt01i05\","
            + "\"nodes\":{\"total\":3,\"ready\":2,\"down\":1,\"drained\":0,\"paused\":0,\"managers\":1,\"managers_reachable\":1,"
            + "\"leader_present\":true,\"unhealthy_nodes\":[\"worker3\"]},\"services\":4,\"checked_at\":\"2026-12-01T10:00:00Z\",\"stale\":false}";

    @Inject
    Clusters clusters;

    @Operation(operationId = "listClusters", summary = "Every managed Swarm at a glance: the default one first, then the registered ones by name")
    @APIResponse(responseCode = "200", description = "The clusters; the Docker hosts for admins only", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ClusterOverviewListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[" + OVERVIEW + "],\"count\":1}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Answer(value = ClusterOverview.class, list = true)
    public Envelope list() {
        return Envelope.of(clusters.overview());
    }

    @Operation(operationId = "getCluster", summary = "One managed Swarm's health as last checked (`default` is the server's own)")
    @APIResponse(responseCode = "200", description = "The cluster", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ClusterOverviewAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":" + OVERVIEW + "}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("{name}")
    @Answer(ClusterOverview.class)
    public Envelope get(@PathParam("name") String name) {
        return Envelope.of(clusters.overview(name));
    }

    @Operation(operationId = "setCluster", summary = "Register a Swarm, or change how it is reached (admins): its Engine must answer as a manager")
    @APIResponse(responseCode = "200", description = "The cluster as read just now", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ClusterOverviewAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":" + OVERVIEW + "}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @PUT
    @Path("{name}")
    @Answer(ClusterOverview.class)
    public Envelope set(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ClusterRequest"), examples = @ExampleObject(name = "example", value = ClusterDraft.EXAMPLE)))
            @NotNull(message = "{body.required}|" + ClusterDraft.EXAMPLE) ClusterDraft request) {
        return Envelope.of(clusters.set(name, request));
    }

    @Operation(operationId = "removeCluster", summary = "Stop managing a registered Swarm (admins): the Swarm itself is not touched")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "RemovedAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"kind\":\"cluster\",\"reference\":\"staging\"}}")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{name}")
    @Answer(Removed.class)
    public Envelope remove(@PathParam("name") String name) {
        clusters.remove(name);
        return Envelope.of(new Removed("cluster", name));
    }
}
