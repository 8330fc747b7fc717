package dev.swarmmanager.rest.cluster;

import dev.swarmmanager.cluster.boundary.Cluster;
import dev.swarmmanager.domain.JoinToken;
import dev.swarmmanager.domain.SwarmInfo;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Swarm itself: {@code /info}, {@code /init}, {@code /leave}, {@code /join-token/{role}}. */
@Tag(name = "Swarm", description = "The Swarm itself: info, init, leave, join tokens")
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClusterResource {

    @Inject
    Cluster cluster;

    @Operation(summary = "Swarm cluster info, as docker info and docker swarm inspect show it")
    @APIResponse(responseCode = "200", description = "The Swarm as the configured engine sees it", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmInfoAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"local_node_state\":\"active\",\"cluster_id\":\"4hvyz4uwi3tp\",\"managers\":1,\"nodes\":3,\"manager_addresses\":[\"192.168.1.10:2377\"]}}")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("info")
    @Answer(SwarmInfo.class)
    public Envelope info() {
        return Envelope.of(cluster.info());
    }

    @Operation(summary = "Initialise a Swarm with the engine as its first manager (docker swarm init)")
    @APIResponse(responseCode = "201", description = "The new Swarm", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmInfoAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"local_node_state\":\"active\",\"control_available\":true}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("init")
    @Answer(SwarmInfo.class)
    public Response init(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "InitRequest"),
            examples = @ExampleObject(name = "example", value = InitRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + InitRequest.EXAMPLE) @Valid InitRequest request, @Context UriInfo uri) {
        var info = cluster.init(request.advertiseAddr());
        return Response.created(uri.getBaseUriBuilder().path("info").build()).entity(Envelope.of(info)).build();
    }

    @Operation(summary = "Take the engine out of its Swarm (docker swarm leave)")
    @APIResponse(responseCode = "200", description = "The engine left", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "LeftAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"left\":true,\"forced\":false}}")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("leave")
    @Answer(Left.class)
    public Envelope leave(LeaveRequest request) {
        boolean force = request != null && Boolean.TRUE.equals(request.force());
        cluster.leave(force);
        return Envelope.of(new Left(true, force));
    }

    @Operation(summary = "The token a new worker or manager joins with, and the join command")
    @APIResponse(responseCode = "200", description = "The token", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "JoinTokenAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"role\":\"worker\",\"token\":\"SWMTKN-1-...\",\"manager_addresses\":[\"192.168.1.10:2377\"],\"command\":\"docker swarm join --token SWMTKN-1-... 192.168.1.10:2377\"}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("join-token/{role}")
    @Answer(JoinToken.class)
    public Envelope joinToken(@PathParam("role") String role) {
        return Envelope.of(cluster.joinToken(role));
    }

    @Operation(operationId = "rotateJoinToken", summary = "Replace a join token (docker swarm join-token --rotate): the old one no longer lets a node join")
    @APIResponse(responseCode = "200", description = "The new token and its join command", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "JoinTokenAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"role\":\"worker\",\"token\":\"SWMTKN-1-...\",\"manager_addresses\":[\"10.0.0.1:2377\"],\"command\":\"docker swarm join --token SWMTKN-1-... 10.0.0.1:2377\"}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("join-token/{role}/rotate")
    @Answer(JoinToken.class)
    public Envelope rotateJoinToken(@PathParam("role") String role) {
        return Envelope.of(cluster.rotateJoinToken(role));
    }

    /** The answer to a leave: the engine is no longer in a Swarm. */
    public record Left(boolean left, boolean forced) {
    }
}
