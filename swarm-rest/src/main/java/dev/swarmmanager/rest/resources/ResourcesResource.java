package dev.swarmmanager.rest.resources;

import dev.swarmmanager.domain.Headroom;
import dev.swarmmanager.domain.ResourceUsage;
import dev.swarmmanager.domain.ServiceMeasurement;
import dev.swarmmanager.resources.boundary.ClusterResources;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** CPU and memory: reserved against capacity, headroom for more tasks, and what a service's tasks use now. */
@Tag(name = "Resources", description = "CPU and memory: capacity, reservations, limits, headroom and use, without an agent")
@Path("resources")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ResourcesResource {

    @Inject
    ClusterResources resources;

    @Operation(operationId = "resourceUsage", summary = "Each node's CPU and memory against the reservations and limits of its tasks, each service's share, and the totals")
    @APIResponse(responseCode = "200", description = "The usage", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ResourceUsageAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"totals\":{\"schedulable_nodes\":2,\"capacity\":{\"cpus\":4.0,\"memory_bytes\":8589934592},\"reserved\":{\"cpus\":1.5,\"memory_bytes\":1610612736},\"limits\":{\"cpus\":3.0,\"memory_bytes\":3221225472},\"free\":{\"cpus\":2.5,\"memory_bytes\":6979321856}},\"nodes\":[{\"hostname\":\"worker1\",\"schedulable\":true,\"capacity\":{\"cpus\":2.0,\"memory_bytes\":4294967296},\"reserved\":{\"cpus\":1.0,\"memory_bytes\":1073741824},\"tasks\":2,\"unlimited_tasks\":0}],\"services\":[{\"name\":\"ocr-worker\",\"replicas\":3,\"reserved\":{\"cpus\":1.5,\"memory_bytes\":1610612736}}]}}")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Answer(ResourceUsage.class)
    public Envelope usage() {
        return Envelope.of(resources.usage());
    }

    @Operation(operationId = "serviceHeadroom", summary = "How many more tasks of a service fit now, node by node, as the scheduler judges them (placement, maximum per node, reservations)")
    @APIResponse(responseCode = "200", description = "The headroom", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "HeadroomAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"service\":\"ocr-worker\",\"mode\":\"replicated\",\"reservation_per_task\":{\"cpus\":0.5,\"memory_bytes\":536870912},\"additional\":4,\"requested\":5,\"enough\":false,\"nodes\":[{\"hostname\":\"worker1\",\"fits\":2,\"limited_by\":\"cpu\"},{\"hostname\":\"manager1\",\"fits\":0,\"limited_by\":\"constraint node.role==worker\"}]}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("services/{name}/headroom")
    @Answer(Headroom.class)
    public Envelope headroom(@PathParam("name") String name,
                             @Parameter(description = "how many replicas more to judge (1 to 100000): the answer's `enough` says whether they fit")
                             @QueryParam("replicas") String replicas) {
        Long requested = replicas == null || replicas.isBlank() ? null : (long) Requests.integer(replicas, "replicas", 0);
        return Envelope.of(resources.headroom(name, requested));
    }

    @Operation(operationId = "measureService", summary = "CPU and memory in use by a service's running tasks on the node Swarm Manager is connected to (docker stats, at most 10 containers, one measurement at a time); partial when tasks run elsewhere")
    @APIResponse(responseCode = "200", description = "The measurement", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ServiceMeasurementAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"service\":\"ocr-worker\",\"measured_on\":\"manager1\",\"measured_at\":\"2026-11-30T10:00:00Z\",\"tasks\":[{\"task_id\":\"euv53zzl\",\"task\":\"ocr-worker.1\",\"cpu_percent\":12.5,\"memory_bytes\":31457280,\"memory_limit_bytes\":536870912,\"error\":null}],\"not_measured\":2,\"partial\":true}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", description = "Another measurement is running; retry in a few seconds")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("services/{name}/usage")
    @Answer(ServiceMeasurement.class)
    public Envelope measure(@PathParam("name") String name) {
        return Envelope.of(resources.measure(name));
    }
}
