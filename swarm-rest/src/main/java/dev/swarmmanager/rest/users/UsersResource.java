package dev.swarmmanager.rest.users;

import dev.swarmmanager.domain.LocalUser;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.WireName;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.security.LocalUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

/** Local mode's users, for admins: with single sign-on, users come from the provider and these answer 409. */
@Tag(name = "Users", description = "Local accounts with roles (local mode)")
@Path("users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    private static final String USER_EXAMPLE = "{\"success\":true,\"data\":{\"name\":\"olga\",\"role\":\"operator\",\"enabled\":true,\"password_set_at\":\"2026-11-29T10:00:00Z\"}}";

    @Inject
    LocalUsers users;

    @Operation(operationId = "listUsers", summary = "The local users with their roles (never a password)")
    @APIResponse(responseCode = "200", description = "The users", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "LocalUserListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"name\":\"admin\",\"role\":\"admin\",\"enabled\":true,\"password_set_at\":\"2026-11-29T10:00:00Z\"}],\"count\":1}")))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @GET
    @Answer(value = LocalUser.class, list = true)
    public Envelope list() {
        return Envelope.of(users.list());
    }

    @Operation(operationId = "createUser", summary = "Create a local user with a role")
    @APIResponse(responseCode = "201", description = "The user", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "LocalUserAnswer"), examples = @ExampleObject(name = "example", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @POST
    @Answer(LocalUser.class)
    public Response create(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "UserRequest"),
            examples = @ExampleObject(name = "example", value = "{\"name\":\"olga\",\"role\":\"operator\",\"password\":\"a long passphrase\"}")))
                           @NotNull(message = "{body.required}|{\"name\":\"olga\",\"role\":\"operator\",\"password\":\"...\"}")
                           @Valid @ConvertGroup(to = UserRequest.Creating.class) UserRequest request, @Context UriInfo uri) {
        var user = users.create(request.name(), role(request.role()), request.password());
        return Response.created(uri.getAbsolutePathBuilder().path(user.name()).build()).entity(Envelope.of(user)).build();
    }

    @Operation(operationId = "updateUser", summary = "Change a user's role, or disable or enable it")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "LocalUserAnswer"), examples = @ExampleObject(name = "example", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @PUT
    @Path("{user}")
    @Answer(LocalUser.class)
    public Envelope update(@PathParam("user") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "UserRequest"), examples = @ExampleObject(name = "example", value = "{\"role\":\"viewer\",\"enabled\":false}")))
            @NotNull(message = "{body.required}|{\"role\":\"viewer\",\"enabled\":false}") UserRequest request) {
        return Envelope.of(users.update(name, request.role() == null ? null : role(request.role()), request.enabled()));
    }

    @Operation(operationId = "resetUserPassword", summary = "Reset a user's password")
    @APIResponse(responseCode = "200", description = "The user", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "LocalUserAnswer"), examples = @ExampleObject(name = "example", value = USER_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @POST
    @Path("{user}/password")
    @Answer(LocalUser.class)
    public Envelope resetPassword(@PathParam("user") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "UserRequest"), examples = @ExampleObject(name = "example", value = "{\"password\":\"another long passphrase\"}")))
            @NotNull(message = "{body.required}|{\"password\":\"...\"}")
            @Valid @ConvertGroup(to = UserRequest.Resetting.class) UserRequest request) {
        return Envelope.of(users.resetPassword(name, request.password()));
    }

    @Operation(operationId = "removeUser", summary = "Delete a user")
    @APIResponse(responseCode = "200", description = "The user is gone", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "RemovedAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"kind\":\"user\",\"reference\":\"olga\"}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @DELETE
    @Path("{user}")
    @Answer(Removed.class)
    public Envelope remove(@PathParam("user") String name) {
        users.remove(name);
        return Envelope.of(new Removed("user", name));
    }

    private static Role role(String value) {
        return WireName.parse(Role.class, "role", value);
    }
}
