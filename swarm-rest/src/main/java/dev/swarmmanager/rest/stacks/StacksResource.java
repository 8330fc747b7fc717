package dev.swarmmanager.rest.stacks;

import dev.swarmmanager.domain.ComposeDocument;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ListRequest;
import dev.swarmmanager.domain.StackDeployResult;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.domain.StackDetails;
import dev.swarmmanager.domain.StackSummary;
import dev.swarmmanager.domain.StackVersion;
import dev.swarmmanager.domain.StackVersionSummary;
import dev.swarmmanager.exports.boundary.Exports;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Lists;
import dev.swarmmanager.rest.json.Requests;
import dev.swarmmanager.stacks.boundary.StackHistory;
import dev.swarmmanager.stacks.boundary.Stacks;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Compose stacks: deploy (JSON, raw YAML, or a multipart upload), list, inspect, remove. A deploy answers
 * 201 with what it created, updated and removed, and the Compose keys it could not apply as warnings.
 */
@Tag(name = "Stacks", description = "Compose stacks, deployed as docker stack deploy does")
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class StacksResource {

    private static final String DRY_RUN = "change nothing: answer 200 with what the deploy would create, update and remove, "
            + "and the deployment policy's violations";
    private static final String EXAMPLE = "{\"stack_name\": \"ocr\", \"stack_file\": \"version: '3.8'\\nservices: ...\"}";

    @Inject
    Stacks stacks;

    @Inject
    Exports exports;

    @Inject
    StackHistory history;

    @Operation(summary = "Deploy or redeploy a Compose stack")
    @APIResponse(responseCode = "201", description = "What was created, updated and removed, with warnings for keys not applied", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "StackDeployResultAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"stack\":\"ocr\",\"created\":[\"ocr_worker\"],\"updated\":[],\"removed\":[],\"networks\":[\"ocr_pages\"],\"secrets\":[],\"configs\":[],\"warnings\":[]}}")))
    @APIResponse(responseCode = "200", description = "With dry_run: what the deploy would do, and the policy's violations",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "StackDeployResultAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("deploy-stack")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answer(StackDeployResult.class)
    public Response deploy(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "DeployStackRequest"),
            examples = @ExampleObject(name = "example", value = "{\"stack_name\": \"ocr\", \"stack_file\": \"version: '3.8'\\nservices:\\n  worker:\\n    image: ocr-worker:1.0\\n\"}")))
                           @NotNull(message = "{body.required}|" + EXAMPLE) @Valid DeployStackRequest request,
                           @Parameter(description = DRY_RUN) @QueryParam("dry_run") String dryRun, @Context UriInfo uri) {
        return deployOrPlan(new StackDeployment(request.stackName(), request.stackFile(), request.variables(), request.files(),
                Boolean.TRUE.equals(request.prune())), dryRun, uri);
    }

    /** {@code curl --data-binary @stack.yml -H 'Content-Type: application/yaml' '.../deploy-stack?stack_name=ocr'} */
    @Operation(summary = "Deploy a stack from the Compose YAML itself, named by ?stack_name=")
    @APIResponse(responseCode = "201", description = "What the deploy did", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "StackDeployResultAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"stack\":\"ocr\",\"created\":[\"ocr_worker\"]}}")))
    @APIResponse(responseCode = "200", description = "With dry_run: what the deploy would do, and the policy's violations",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "StackDeployResultAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("deploy-stack")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"})
    @Answer(StackDeployResult.class)
    public Response deployYaml(@RequestBody(required = true, content = @Content(mediaType = "application/yaml",
            schema = @Schema(type = SchemaType.STRING, description = "the Compose file"))) String yaml, @Parameter(description = "the stack name") @QueryParam("stack_name") String name,
                               @Parameter(description = "remove services no longer in the file") @QueryParam("prune") String prune,
                               @Parameter(description = DRY_RUN) @QueryParam("dry_run") String dryRun, @Context UriInfo uri) {
        return deployOrPlan(new StackDeployment(Requests.field(name, "stack_name", "?stack_name=ocr"), yaml,
                Map.of(), Map.of(), Requests.flag(prune, "prune")), dryRun, uri);
    }

    /**
     * {@code curl -F stack_file=@stack.yml -F api_key.txt=@api_key.txt '.../deploy-stack?stack_name=ocr'}: the
     * part named {@code stack_file} is the Compose file; every other file part is a file it may name.
     */
    @Operation(summary = "Deploy a stack from an uploaded Compose file (part stack_file) and the files it names")
    @APIResponse(responseCode = "201", description = "What the deploy did", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "StackDeployResultAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"stack\":\"ocr\",\"created\":[\"ocr_worker\"]}}")))
    @APIResponse(responseCode = "200", description = "With dry_run: what the deploy would do, and the policy's violations",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "StackDeployResultAnswer")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("deploy-stack")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Answer(StackDeployResult.class)
    public Response deployUpload(@RequestBody(required = true, content = @Content(mediaType = "multipart/form-data",
            schema = @Schema(ref = "DeployStackUpload"))) List<EntityPart> parts,
                                 @Parameter(description = "the stack name (or a part stack_name)") @QueryParam("stack_name") String queryName,
                                 @Parameter(description = "remove services no longer in the file") @QueryParam("prune") String prune,
                                 @Parameter(description = DRY_RUN) @QueryParam("dry_run") String dryRun, @Context UriInfo uri) {
        String yaml = null;
        String name = queryName;
        Map<String, String> files = new HashMap<>();
        for (EntityPart part : parts) {
            String content = text(part);
            switch (part.getName()) {
                case "stack_file" -> yaml = content;
                case "stack_name" -> name = content.trim();
                case "prune" -> prune = content.trim();
                default -> files.put(part.getFileName().orElse(part.getName()), content);
            }
        }
        if (yaml == null) {
            throw new InvalidRequestException("stack_file", "stacks.upload-required");
        }
        return deployOrPlan(new StackDeployment(Requests.field(name, "stack_name", "?stack_name=ocr"), yaml,
                Map.of(), files, Requests.flag(prune, "prune")), dryRun, uri);
    }

    @Operation(operationId = "listStacks", summary = "List stacks with their services and replicas (docker stack ls)")
    @APIResponse(responseCode = "200", description = "The stacks", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "StackSummaryListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"name\":\"ocr\",\"services\":1,\"desired_replicas\":3,\"running_replicas\":3}],\"count\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("stacks")
    @Answer(value = StackSummary.class, list = true)
    public Envelope list(@Parameter(description = Lists.SORT) @QueryParam("sort") String sort,
            @Parameter(description = Lists.PAGE) @QueryParam("page") String page,
            @Parameter(description = Lists.SIZE) @QueryParam("size") String size) {
        ListRequest window = Lists.request(StackSummary.ORDERING, sort, page, size);
        return Lists.envelope(stacks.list(), StackSummary.ORDERING, window);
    }

    @Operation(operationId = "inspectStack", summary = "A stack and its services")
    @APIResponse(responseCode = "200", description = "The stack", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "StackDetailsAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"name\":\"ocr\",\"services\":[{\"name\":\"ocr_worker\",\"desired_replicas\":3,\"running_replicas\":3}]}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("stacks/{name}")
    @Answer(StackDetails.class)
    public Envelope inspect(@PathParam("name") String name) {
        return Envelope.of(stacks.inspect(name));
    }

    @Operation(operationId = "removeStack", summary = "Remove a stack: its services, networks, secrets and configs (docker stack rm)")
    @APIResponse(responseCode = "200", description = "What was removed", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "RemovedStackAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"stack\":\"ocr\",\"removed\":[\"ocr_worker\",\"ocr_pages\"]}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @DELETE
    @Path("stacks/{name}")
    @Answer(RemovedStack.class)
    public Envelope remove(@PathParam("name") String name) {
        return Envelope.of(new RemovedStack(name, stacks.remove(name)));
    }

    @Operation(operationId = "exportStackCompose", summary = "The stack as a Compose file, which deploy-stack (or docker stack deploy) takes back")
    @APIResponse(responseCode = "200", description = "The file as YAML (secrets and configs by name, never their content), and what the specs hold that Compose cannot say",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "ComposeDocumentAnswer"), examples = @ExampleObject(name = "example",
                    value = "{\"success\":true,\"data\":{\"name\":\"ocr\",\"yaml\":\"version: '3.8'\\nservices:\\n  worker:\\n    image: ocr-worker:1.0\\n\",\"warnings\":[]}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("stacks/{name}/compose")
    @Answer(ComposeDocument.class)
    public Envelope compose(@PathParam("name") String name) {
        return Envelope.of(exports.stack(name));
    }

    @Operation(operationId = "listStackVersions", summary = "The versions of a stack's file deployed through this application, newest first")
    @APIResponse(responseCode = "200", description = "The versions, without their files", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "StackVersionSummaryListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"stack\":\"ocr\",\"version\":2,\"user\":\"ada\",\"deployed_at\":\"2026-11-30T10:00:00Z\",\"file_bytes\":412,\"variables\":[\"TAG\"],\"files\":[]}],\"count\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @GET
    @Path("stacks/{name}/versions")
    @Answer(value = StackVersionSummary.class, list = true)
    public Envelope versions(@PathParam("name") String name) {
        return Envelope.of(history.list(name));
    }

    @Operation(operationId = "getStackVersion", summary = "One version of a stack's file, with its variables (secret ones without their value)")
    @APIResponse(responseCode = "200", description = "The version", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "StackVersionAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"stack\":\"ocr\",\"version\":1,\"compose_file\":\"services: ...\",\"variables\":{\"TAG\":\"1.0\",\"DB_PASSWORD\":null},\"files\":[],\"prune\":false,\"user\":\"ada\",\"deployed_at\":\"2026-11-30T10:00:00Z\"}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("stacks/{name}/versions/{version}")
    @Answer(StackVersion.class)
    public Envelope version(@PathParam("name") String name, @PathParam("version") String version) {
        return Envelope.of(history.get(name, number(version, "version")));
    }

    @Operation(operationId = "diffStackVersions", summary = "What changed in a stack's file from one version to another (to: the newest by default)")
    @APIResponse(responseCode = "200", description = "The changed lines: '- ' in the first, '+ ' in the second, with context", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "VersionDiffAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"stack\":\"ocr\",\"from\":1,\"to\":2,\"diff\":[\"  services:\",\"-     image: ocr-worker:1.0\",\"+     image: ocr-worker:2.0\"]}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("stacks/{name}/versions/{version}/diff")
    @Answer(VersionDiff.class)
    public Envelope diff(@PathParam("name") String name, @PathParam("version") String version,
                         @Parameter(description = "the version to compare with; the newest when left out") @QueryParam("to") String to) {
        int from = number(version, "version");
        int other = to == null || to.isBlank() ? history.latest(name) : number(to, "to");
        return Envelope.of(new VersionDiff(name, from, other, history.diff(name, from, other)));
    }

    /** The difference between two versions of a stack's file. */
    public record VersionDiff(String stack, int from, int to, List<String> diff) {
    }

    @Operation(operationId = "redeployStackVersion", summary = "Deploy an earlier version of a stack's file again (kept as the newest version)")
    @APIResponse(responseCode = "201", description = "What the deploy created, updated and removed", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "StackDeployResultAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"stack\":\"ocr\",\"created\":[],\"updated\":[\"ocr_worker\"]}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("stacks/{name}/versions/{version}/redeploy")
    @Consumes(MediaType.APPLICATION_JSON)
    @Answer(StackDeployResult.class)
    public Response redeployVersion(@PathParam("name") String name, @PathParam("version") String version,
                                    @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(ref = "RedeployVersionRequest"))) RedeployVersionRequest request,
                                    @Context UriInfo uri) {
        Map<String, String> variables = request == null || request.variables() == null ? Map.of() : request.variables();
        Map<String, String> files = request == null || request.files() == null ? Map.of() : request.files();
        StackDeployResult result = stacks.redeployVersion(name, number(version, "version"), variables, files);
        return Response.created(uri.getBaseUriBuilder().path("stacks").path(result.stack()).build()).entity(Envelope.of(result)).build();
    }

    private static int number(String value, String name) {
        int n = Requests.integer(value, name, 0);
        if (n < 1) {
            throw new InvalidRequestException(name, "stacks.version-number", n);
        }
        return n;
    }

    /** What a stack removal took away. */
    public record RemovedStack(String stack, List<String> removed) {
    }

    /** A deploy answers 201 with what it did; a dry run 200 with what a deploy would do and be refused for. */
    private Response deployOrPlan(StackDeployment deployment, String dryRun, UriInfo uri) {
        if (Requests.flag(dryRun, "dry_run")) {
            return Response.ok(Envelope.of(stacks.dryRun(deployment))).build();
        }
        StackDeployResult result = stacks.deploy(deployment);
        return Response.created(uri.getBaseUriBuilder().path("stacks").path(result.stack()).build())
                .entity(Envelope.of(result)).build();
    }

    private static String text(EntityPart part) {
        try {
            return part.getContent(String.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
