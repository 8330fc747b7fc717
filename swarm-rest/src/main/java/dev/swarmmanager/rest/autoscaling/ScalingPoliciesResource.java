package dev.swarmmanager.rest.autoscaling;

import dev.swarmmanager.autoscaling.boundary.ScalingPolicies;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.domain.HistoryPage;
import dev.swarmmanager.domain.HistoryQuery;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.rest.json.Requests;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scaling policies, one per service, and the autoscaler's decisions. */
@Tag(name = "Autoscaling", description = "Scaling policies and the autoscaler's decisions")
@Path("scaling-policies")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ScalingPoliciesResource {

    private static final String POLICY_EXAMPLE = "{\"success\":true,\"data\":{\"service\":\"ocr-worker\",\"min_replicas\":1,\"max_replicas\":10,\"metric\":\"prometheus\",\"query\":\"sum(ocr_queue_depth)\",\"target\":20.0,\"tolerance\":0.1,\"scale_up_window_seconds\":0,\"scale_down_window_seconds\":300,\"scale_up_cooldown_seconds\":30,\"scale_down_cooldown_seconds\":120,\"max_step\":10,\"dry_run\":false,\"paused\":false,\"updated_by\":\"olga\",\"updated_at\":\"2026-11-30T10:00:00Z\"}}";

    @Inject
    ScalingPolicies policies;

    @Operation(operationId = "listScalingPolicies", summary = "List the scaling policies")
    @APIResponse(responseCode = "200", description = "The policies", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ScalingPolicyViewListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[],\"count\":0}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Answer(value = ScalingPolicyView.class, list = true)
    public Envelope list() {
        return Envelope.of(policies.list().stream().map(ScalingPolicyView::of).toList());
    }

    @Operation(operationId = "getScalingPolicy", summary = "A service's scaling policy")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ScalingPolicyViewAnswer"), examples = @ExampleObject(name = "example", value = POLICY_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("{name}")
    @Answer(ScalingPolicyView.class)
    public Envelope get(@PathParam("name") String service) {
        return Envelope.of(ScalingPolicyView.of(policies.get(service)));
    }

    @Operation(operationId = "setScalingPolicy", summary = "Set a replicated service's scaling policy (operators; a service with host privileges: admins)")
    @APIResponse(responseCode = "200", description = "The policy as kept", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ScalingPolicyViewAnswer"), examples = @ExampleObject(name = "example", value = POLICY_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @PUT
    @Path("{name}")
    @Answer(ScalingPolicyView.class)
    public Envelope set(@PathParam("name") String service, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ScalingPolicyRequest"), examples = @ExampleObject(name = "example", value = ScalingPolicyRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + ScalingPolicyRequest.EXAMPLE) ScalingPolicyRequest request) {
        return Envelope.of(ScalingPolicyView.of(policies.set(request.toPolicy(service))));
    }

    @Operation(operationId = "removeScalingPolicy", summary = "Remove a service's scaling policy: the autoscaler leaves it as it is")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "RemovedAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"kind\":\"scaling policy\",\"reference\":\"ocr-worker\"}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{name}")
    @Answer(Removed.class)
    public Envelope remove(@PathParam("name") String service) {
        policies.remove(service);
        return Envelope.of(new Removed("scaling policy", service));
    }

    @Operation(operationId = "listScalingDecisions", summary = "The autoscaler's decisions for a service, newest first, those that changed nothing with their reason")
    @APIResponse(responseCode = "200", description = "One page of decisions (history entries)", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "HistoryEventListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"kind\":\"autoscaler\",\"action\":\"scaled-up\",\"object_name\":\"ocr-worker\",\"summary\":\"autoscaler ocr-worker: scaled-up — value 37, target 10 per replica: 2 → 4\",\"cluster\":\"default\"}],\"count\":1,\"total\":1,\"page\":0,\"size\":50}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("{name}/decisions")
    @Answer(value = HistoryEvent.class, list = true)
    public Envelope decisions(@PathParam("name") String service,
                              @Parameter(description = "from this instant (ISO-8601)") @QueryParam("from") String from,
                              @Parameter(description = "page number from 0") @QueryParam("page") String page,
                              @Parameter(description = "entries per page, 1 to 500 (50)") @QueryParam("size") String size) {
        HistoryPage result = policies.decisions(service, Requests.instant(from, "from"), Requests.integer(page, "page", 0),
                Requests.integer(size, "size", HistoryQuery.DEFAULT_SIZE));
        return Envelope.page(result.events(), result.total(), result.page(), result.size());
    }
}
