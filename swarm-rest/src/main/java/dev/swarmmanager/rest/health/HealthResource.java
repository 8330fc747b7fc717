package dev.swarmmanager.rest.health;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.RenderedAnswers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Health and statistics, answered from the cache without calling Docker. */
@Tag(name = "Health", description = "Health and statistics, served from memory")
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    @Inject
    ClusterMirror mirror;

    @Inject
    RenderedAnswers rendered;

    /** Always 200: an unhealthy cluster is a valid answer, with its reasons. */
    @Operation(summary = "Overall health with its reasons, node and service health, task success rate, detected errors")
    @APIResponse(responseCode = "200", description = "The health, with the age of the snapshot it comes from", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "HealthStatusAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"overall_health\":\"degraded\",\"reasons\":[\"service ocr-worker runs 2 of 3 replicas\"],\"task_success_rate\":97.5,\"stale\":false,\"snapshot_age_seconds\":3.2}}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("health")
    @Answer(HealthStatus.class)
    public Response health() {
        return Response.ok(rendered.envelope("health", mirror.health()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Operation(summary = "Cluster, service and task statistics")
    @APIResponse(responseCode = "200", description = "The statistics", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ClusterStatisticsAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"cluster\":{\"nodes\":3,\"managers\":1,\"workers\":2,\"ready\":3,\"down\":0},\"services\":{\"total\":1,\"desired_replicas\":3,\"running_replicas\":3},\"tasks\":{\"running\":3,\"failed\":0,\"pending\":0},\"timestamp\":\"2026-11-27T10:00:00Z\"}}")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("statistics")
    @Answer(ClusterStatistics.class)
    public Envelope statistics() {
        var statistics = mirror.statistics();
        if (statistics == null) {
            throw new DockerUnavailableException(mirror.dockerHost(),
                    Phrase.of("health.not-read", String.join("; ", mirror.health().reasons())), null);
        }
        return Envelope.of(statistics);
    }
}
