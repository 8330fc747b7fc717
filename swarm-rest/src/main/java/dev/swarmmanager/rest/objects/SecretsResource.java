package dev.swarmmanager.rest.objects;

import dev.swarmmanager.domain.FileDraft;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Rotation;
import dev.swarmmanager.domain.SwarmFile;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.secrets.boundary.SwarmFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Secrets and configs: list (never a secret's value), create, remove, rotate; a config's content can be read. */
@Tag(name = "Secrets and configs", description = "Secrets and configs with the services that use them, and their rotation")
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SecretsResource {

    private static final String BODY = "a JSON body is required, for example " + FileRequest.EXAMPLE;

    @Inject
    SwarmFiles files;

    @Operation(operationId = "listSecrets", summary = "The secrets, with the services that use each (never a value)")
    @APIResponse(responseCode = "200", description = "The secrets", content = @Content(mediaType = "application/json", schema = @Schema(ref = "SwarmFileListAnswer"),
            examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"name\":\"db_password\",\"kind\":\"secret\",\"services\":[\"api\"],\"content\":null}],\"count\":1}")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("secrets")
    @Answer(value = SwarmFile.class, list = true)
    public Envelope secrets() {
        return Envelope.of(files.list(FileKind.SECRET));
    }

    @Operation(operationId = "listConfigs", summary = "The configs, with the services that use each")
    @APIResponse(responseCode = "200", description = "The configs", content = @Content(mediaType = "application/json", schema = @Schema(ref = "SwarmFileListAnswer")))
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("configs")
    @Answer(value = SwarmFile.class, list = true)
    public Envelope configs() {
        return Envelope.of(files.list(FileKind.CONFIG));
    }

    @Operation(operationId = "getSecret", summary = "A secret and the services that use it (never its value)")
    @APIResponse(responseCode = "200", description = "The secret", content = @Content(mediaType = "application/json", schema = @Schema(ref = "SwarmFileAnswer")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("secrets/{name}")
    @Answer(SwarmFile.class)
    public Envelope secret(@PathParam("name") String name) {
        return Envelope.of(files.get(FileKind.SECRET, name));
    }

    @Operation(operationId = "getConfig", summary = "A config with its content and the services that use it")
    @APIResponse(responseCode = "200", description = "The config", content = @Content(mediaType = "application/json", schema = @Schema(ref = "SwarmFileAnswer")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("configs/{name}")
    @Answer(SwarmFile.class)
    public Envelope config(@PathParam("name") String name) {
        return Envelope.of(files.get(FileKind.CONFIG, name));
    }

    @Operation(operationId = "createSecret", summary = "Create a secret from a value")
    @APIResponse(responseCode = "201", description = "The secret (without its value)", content = @Content(mediaType = "application/json", schema = @Schema(ref = "SwarmFileAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("secrets")
    @Answer(SwarmFile.class)
    public Response createSecret(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "FileRequest"),
            examples = @ExampleObject(name = "example", value = FileRequest.EXAMPLE))) @NotNull(message = BODY) FileRequest request, @Context UriInfo uri) {
        SwarmFile created = files.createSecret(draft(request, true));
        return Response.created(uri.getBaseUriBuilder().path("secrets").path(created.name()).build()).entity(Envelope.of(created)).build();
    }

    @Operation(operationId = "createConfig", summary = "Create a config from its content")
    @APIResponse(responseCode = "201", description = "The config", content = @Content(mediaType = "application/json", schema = @Schema(ref = "SwarmFileAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("configs")
    @Answer(SwarmFile.class)
    public Response createConfig(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "FileRequest"),
            examples = @ExampleObject(name = "example", value = FileRequest.EXAMPLE))) @NotNull(message = BODY) FileRequest request, @Context UriInfo uri) {
        SwarmFile created = files.createConfig(draft(request, true));
        return Response.created(uri.getBaseUriBuilder().path("configs").path(created.name()).build()).entity(Envelope.of(created)).build();
    }

    @Operation(operationId = "removeSecret", summary = "Remove a secret (refused while a service uses it, naming them)")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json", schema = @Schema(ref = "RemovedAnswer")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @DELETE
    @Path("secrets/{name}")
    @Answer(Removed.class)
    public Envelope removeSecret(@PathParam("name") String name) {
        files.removeSecret(name);
        return Envelope.of(new Removed("secret", name));
    }

    @Operation(operationId = "removeConfig", summary = "Remove a config (refused while a service uses it, naming them)")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json", schema = @Schema(ref = "RemovedAnswer")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @DELETE
    @Path("configs/{name}")
    @Answer(Removed.class)
    public Envelope removeConfig(@PathParam("name") String name) {
        files.removeConfig(name);
        return Envelope.of(new Removed("config", name));
    }

    @Operation(operationId = "rotateSecret", summary = "Rotate a secret: its next version, every service moved to it, the old one removed")
    @APIResponse(responseCode = "200", description = "What moved where", content = @Content(mediaType = "application/json", schema = @Schema(ref = "RotationAnswer"),
            examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"kind\":\"secret\",\"from\":\"db_password\",\"to\":\"db_password_v2\",\"moved\":[\"api\",\"worker\"],\"old_removed\":false,\"old_version\":\"waiting\",\"updating\":[\"api\",\"worker\"],\"detail\":null}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("secrets/{name}/rotate")
    @Answer(Rotation.class)
    public Envelope rotateSecret(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "FileRequest"))) @NotNull(message = BODY) FileRequest request) {
        return Envelope.of(files.rotateSecret(name, draft(request, false)));
    }

    @Operation(operationId = "rotateConfig", summary = "Rotate a config: its next version, every service moved to it, the old one removed")
    @APIResponse(responseCode = "200", description = "What moved where", content = @Content(mediaType = "application/json", schema = @Schema(ref = "RotationAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("configs/{name}/rotate")
    @Answer(Rotation.class)
    public Envelope rotateConfig(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "FileRequest"))) @NotNull(message = BODY) FileRequest request) {
        return Envelope.of(files.rotateConfig(name, draft(request, false)));
    }

    private static FileDraft draft(FileRequest request, boolean named) {
        if (named && request.name() == null) {
            throw new InvalidRequestException("name", "required.example", "\"db_password\"");
        }
        if ((request.data() == null) == (request.dataBase64() == null)) {
            throw new InvalidRequestException("data", "files.data-required");
        }
        String content = request.data();
        if (content == null) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(request.dataBase64());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("data_base64", "files.not-base64");
            }
            try {
                content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                // Not silently changed: binary content (a keystore, a DER certificate) is not taken yet
                throw new InvalidRequestException("data_base64", "files.not-utf8");
            }
        }
        return new FileDraft(request.name(), content, request.labels());
    }
}
