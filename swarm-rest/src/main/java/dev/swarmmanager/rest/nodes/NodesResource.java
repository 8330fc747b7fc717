package dev.swarmmanager.rest.nodes;

import dev.swarmmanager.domain.ListRequest;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.nodes.boundary.Nodes;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Lists;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.rest.json.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

/** The Swarm's nodes; {@code node_id} is an ID, an ID prefix or a hostname. */
@Tag(name = "Nodes", description = "The machines of the Swarm")
@Path("nodes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NodesResource {

    @Inject
    Nodes nodes;

    @Operation(operationId = "listNodes", summary = "List nodes, managers first (docker node ls)")
    @APIResponse(responseCode = "200", description = "The nodes", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmNodeListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"id\":\"rnpd2btwebdj\",\"hostname\":\"manager1\",\"role\":\"manager\",\"availability\":\"active\",\"state\":\"ready\",\"manager_status\":\"leader\",\"address\":\"192.168.1.10\",\"engine_version\":\"20.10.24\"}],\"count\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Answer(value = SwarmNode.class, list = true)
    public Envelope list(@Parameter(description = Lists.SORT) @QueryParam("sort") String sort,
            @Parameter(description = Lists.PAGE) @QueryParam("page") String page,
            @Parameter(description = Lists.SIZE) @QueryParam("size") String size) {
        ListRequest window = Lists.request(SwarmNode.ORDERING, sort, page, size);
        return Lists.envelope(nodes.list(), SwarmNode.ORDERING, window);
    }

    @Operation(operationId = "inspectNode", summary = "Inspect a node by ID, ID prefix or hostname")
    @APIResponse(responseCode = "200", description = "The node", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmNodeAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"id\":\"rnpd2btwebdj\",\"hostname\":\"worker1\",\"role\":\"worker\",\"availability\":\"active\",\"state\":\"ready\"}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("{node_id}")
    @Answer(SwarmNode.class)
    public Envelope inspect(@PathParam("node_id") String node) {
        return Envelope.of(nodes.inspect(node));
    }

    @Operation(operationId = "listNodeTasks", summary = "List the tasks Swarm assigned to a node, current and past (docker node ps)")
    @APIResponse(responseCode = "200", description = "The tasks", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmTaskListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"name\":\"ocr-worker.1\",\"service_name\":\"ocr-worker\",\"node_hostname\":\"worker1\",\"desired_state\":\"running\",\"state\":\"running\"}],\"count\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("{node_id}/tasks")
    @Answer(value = SwarmTask.class, list = true)
    public Envelope tasks(@PathParam("node_id") String node,
            @Parameter(description = Lists.SORT) @QueryParam("sort") String sort,
            @Parameter(description = Lists.PAGE) @QueryParam("page") String page,
            @Parameter(description = Lists.SIZE) @QueryParam("size") String size) {
        ListRequest window = Lists.request(SwarmTask.ORDERING, sort, page, size);
        return Lists.envelope(nodes.tasks(node), SwarmTask.ORDERING, window);
    }

    @Operation(summary = "Drain a node for maintenance, pause it, or make it active again")
    @APIResponse(responseCode = "200", description = "The node with its new availability", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmNodeAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"hostname\":\"worker1\",\"availability\":\"drain\"}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @PUT
    @Path("{node_id}/availability")
    @Answer(SwarmNode.class)
    public Envelope availability(@PathParam("node_id") String node, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "AvailabilityRequest"),
            examples = @ExampleObject(name = "example", value = AvailabilityRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + AvailabilityRequest.EXAMPLE) @Valid AvailabilityRequest request) {
        return Envelope.of(nodes.updateAvailability(node, request.availability()));
    }

    @Operation(operationId = "changeNodeRole", summary = "Promote a worker to a manager, or demote a manager to a worker")
    @APIResponse(responseCode = "200", description = "The node with its new role", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmNodeAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"hostname\":\"worker1\",\"role\":\"manager\"}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @PUT
    @Path("{node_id}/role")
    @Answer(SwarmNode.class)
    public Envelope role(@PathParam("node_id") String node, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "RoleRequest"),
            examples = @ExampleObject(name = "example", value = RoleRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + RoleRequest.EXAMPLE) @Valid RoleRequest request) {
        return Envelope.of(nodes.changeRole(node, request.role()));
    }

    @Operation(operationId = "replaceNodeLabels", summary = "Set a node's labels, which placement constraints select on (node.labels.zone == eu)")
    @APIResponse(responseCode = "200", description = "The node with its labels", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmNodeAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"hostname\":\"worker1\",\"labels\":{\"zone\":\"eu\"}}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @PUT
    @Path("{node_id}/labels")
    @Answer(SwarmNode.class)
    public Envelope labels(@PathParam("node_id") String node, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "LabelsRequest"),
            examples = @ExampleObject(name = "example", value = LabelsRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + LabelsRequest.EXAMPLE) @Valid LabelsRequest request) {
        return Envelope.of(nodes.replaceLabels(node, request.labels()));
    }

    @Operation(operationId = "removeNode", summary = "Remove a node from the Swarm; a node that is up needs force, a manager is refused")
    @APIResponse(responseCode = "200", description = "The node was removed", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "RemovedAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"kind\":\"node\",\"reference\":\"worker2\"}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @DELETE
    @Path("{node_id}")
    @Answer(Removed.class)
    public Envelope remove(@PathParam("node_id") String node, @Parameter(description = "true to remove a node that is not down") @QueryParam("force") String force) {
        nodes.remove(node, Requests.flag(force, "force"));
        return Envelope.of(new Removed("node", node));
    }
}
