package dev.swarmmanager.rest.objects;

import dev.swarmmanager.domain.SwarmNetwork;
import dev.swarmmanager.networks.boundary.Networks;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Networks: list with the services attached, create overlay networks, remove unused ones. */
@Tag(name = "Networks", description = "Networks with the services attached")
@Path("networks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NetworksResource {

    @Inject
    Networks networks;

    @Operation(operationId = "listNetworks", summary = "The networks: driver, scope, attachable, encrypted, the services on each")
    @APIResponse(responseCode = "200", description = "The networks", content = @Content(mediaType = "application/json", schema = @Schema(ref = "SwarmNetworkListAnswer"),
            examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"name\":\"pages\",\"driver\":\"overlay\",\"scope\":\"swarm\",\"attachable\":true,\"encrypted\":true,\"services\":[\"ocr_worker\"]}],\"count\":1}")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Answer(value = SwarmNetwork.class, list = true)
    public Envelope list() {
        return Envelope.of(networks.list());
    }

    @Operation(operationId = "createNetwork", summary = "Create a swarm-scoped network (overlay unless the policy allows another driver)")
    @APIResponse(responseCode = "201", description = "The network", content = @Content(mediaType = "application/json", schema = @Schema(ref = "SwarmNetworkAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Answer(SwarmNetwork.class)
    public Response create(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "NetworkRequest"),
            examples = @ExampleObject(name = "example", value = NetworkRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + NetworkRequest.EXAMPLE) @Valid NetworkRequest request, @Context UriInfo uri) {
        SwarmNetwork created = networks.create(request.name(), request.driver(), Boolean.TRUE.equals(request.attachable()),
                Boolean.TRUE.equals(request.internal()), Boolean.TRUE.equals(request.encrypted()), request.labels());
        return Response.created(uri.getBaseUriBuilder().path("networks").path(created.name()).build()).entity(Envelope.of(created)).build();
    }

    @Operation(operationId = "removeNetwork", summary = "Remove a network (refused while services use it, naming them)")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json", schema = @Schema(ref = "RemovedAnswer")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @DELETE
    @Path("{name}")
    @Answer(Removed.class)
    public Envelope remove(@PathParam("name") String name) {
        networks.remove(name);
        return Envelope.of(new Removed("network", name));
    }
}
