package dev.swarmmanager.rest.templates;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ServiceTemplate;
import dev.swarmmanager.domain.ServiceWriteResult;
import dev.swarmmanager.domain.TemplateDraft;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.rest.json.Requests;
import dev.swarmmanager.templates.boundary.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Service templates: one Compose service whose {@code ${NAME}} variables are its parameters, versioned. */
@Tag(name = "Templates", description = "Service templates with parameters")
@Path("templates")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplatesResource {

    private static final String TEMPLATE_EXAMPLE = "{\"success\":true,\"data\":{\"name\":\"ocr-worker\",\"version\":1,\"description\":\"The OCR worker fleet\","
            + "\"service\":\"image: ocr-worker:${TAG:-1.0}\\n\",\"parameters\":[{\"name\":\"TAG\",\"default_value\":\"1.0\",\"required\":false}],"
            + "\"user\":\"swarm-manager\",\"saved_at\":\"2026-11-30T10:00:00Z\"}}";

    @Inject
    Templates templates;

    @Operation(operationId = "listTemplates", summary = "The templates, each at its newest version, with its parameters")
    @APIResponse(responseCode = "200", description = "The templates", content = @Content(mediaType = "application/json", schema = @Schema(ref = "ServiceTemplateListAnswer")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Answer(value = ServiceTemplate.class, list = true)
    public Envelope list() {
        return Envelope.of(templates.list());
    }

    @Operation(operationId = "getTemplate", summary = "A template (the newest version, or ?version=n)")
    @APIResponse(responseCode = "200", description = "The template", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ServiceTemplateAnswer"), examples = @ExampleObject(name = "example", value = TEMPLATE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("{name}")
    @Answer(ServiceTemplate.class)
    public Envelope get(@PathParam("name") String name, @Parameter(description = "a version; the newest when left out") @QueryParam("version") String version) {
        return Envelope.of(templates.get(name, version == null || version.isBlank() ? null : Requests.integer(version, "version", 0)));
    }

    @Operation(operationId = "listTemplateVersions", summary = "Every version of a template, newest first")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = "application/json", schema = @Schema(ref = "ServiceTemplateListAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    @Path("{name}/versions")
    @Answer(value = ServiceTemplate.class, list = true)
    public Envelope versions(@PathParam("name") String name) {
        return Envelope.of(templates.versions(name));
    }

    @Operation(operationId = "saveTemplate", summary = "Save a template as its first version or the next one (or save a running service as one, with from_service)")
    @APIResponse(responseCode = "201", description = "The template as saved", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ServiceTemplateAnswer"), examples = @ExampleObject(name = "example", value = TEMPLATE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @POST
    @Answer(ServiceTemplate.class)
    public Response save(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "SaveTemplateRequest"),
            examples = @ExampleObject(name = "example", value = SaveTemplateRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + SaveTemplateRequest.EXAMPLE) @Valid SaveTemplateRequest request,
            @Context UriInfo uri) {
        ServiceTemplate saved;
        if (request.fromService() != null) {
            if (request.service() != null) {
                throw new InvalidRequestException("service", "templates.service-and-from");
            }
            saved = templates.saveService(request.name(), request.description(), request.fromService());
        } else {
            saved = templates.save(new TemplateDraft(request.name(), request.description(), text(request.service())));
        }
        return Response.created(uri.getBaseUriBuilder().path("templates").path(saved.name()).build()).entity(Envelope.of(saved)).build();
    }

    @Operation(operationId = "removeTemplate", summary = "Remove a template, every version (services made from it stay)")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json", schema = @Schema(ref = "RemovedAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{name}")
    @Answer(Removed.class)
    public Envelope remove(@PathParam("name") String name) {
        templates.remove(name);
        return Envelope.of(new Removed("template", name));
    }

    @Operation(operationId = "createServiceFromTemplate", summary = "Create a service from a template with its parameters' values")
    @APIResponse(responseCode = "201", description = "The service, with warnings for Compose keys not applied", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ServiceWriteResultAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("{name}/services")
    @Answer(ServiceWriteResult.class)
    public Response use(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "UseTemplateRequest"),
            examples = @ExampleObject(name = "example", value = UseTemplateRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + UseTemplateRequest.EXAMPLE) @Valid UseTemplateRequest request,
            @Context UriInfo uri) {
        Integer version = request.version() == null ? null : (int) Requests.wholeNumber(request.version(), "version");
        Map<String, String> values = request.values() == null ? Map.of() : request.values();
        ServiceWriteResult result = templates.createService(name, version, request.name(), values);
        return Response.created(uri.getBaseUriBuilder().path("services").path(result.service().name()).build())
                .entity(Envelope.of(result)).build();
    }

    private static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value != null && value.getValueType() == JsonValue.ValueType.OBJECT) {
            return value.toString();
        }
        throw new InvalidRequestException("service", "templates.service-required");
    }
}
