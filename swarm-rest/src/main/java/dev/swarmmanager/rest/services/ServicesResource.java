package dev.swarmmanager.rest.services;

import dev.swarmmanager.domain.ComposeDocument;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.LastEventId;
import dev.swarmmanager.domain.LimitReachedException;
import dev.swarmmanager.domain.LineDiff;
import dev.swarmmanager.domain.ListRequest;
import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ServiceDefinition;
import dev.swarmmanager.domain.ServiceEdit;
import dev.swarmmanager.domain.ServiceEditPreview;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.ServiceSpec;
import dev.swarmmanager.domain.ServiceWriteResult;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.exports.boundary.Exports;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.JsonMapping;
import dev.swarmmanager.rest.json.Lists;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.rest.json.RenderedAnswers;
import dev.swarmmanager.rest.json.Requests;
import dev.swarmmanager.rest.sse.EventStream;
import dev.swarmmanager.services.boundary.Services;
import dev.swarmmanager.tasks.boundary.LogFollow;
import dev.swarmmanager.tasks.boundary.Tasks;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The Swarm's services, their tasks and logs; {@code name} is a service name, ID or ID prefix. */
@Tag(name = "Services", description = "Services, their tasks and logs")
@Path("services")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicesResource {

    static final int DEFAULT_TAIL = 100;
    /** How long a log follow's answer waits for the container to subscribe to it (SubscribedStage): far longer than it takes. */
    private static final java.time.Duration SUBSCRIPTION_PATIENCE = java.time.Duration.ofSeconds(5);
    private static final Jsonb JSON = JsonMapping.create();

    @Inject
    Services services;

    @Inject
    Tasks tasks;

    @Inject
    Exports exports;

    /** Writes log follows: a thread of its own for each, never one of the server's request threads. */
    @Resource
    ManagedExecutorService executor;

    @Inject
    RenderedAnswers rendered;

    @Operation(operationId = "listServices", summary = "List services with running and desired replicas (docker service ls)")
    @APIResponse(responseCode = "200", description = "The services", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmServiceListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"name\":\"ocr-worker\",\"image\":\"ocr-worker:1.0\",\"mode\":\"replicated\",\"desired_replicas\":3,\"running_replicas\":3,\"stack\":null}],\"count\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Answer(value = SwarmService.class, list = true)
    public Response list(
            @Parameter(description = "services whose name contains this text") @QueryParam("name") String name,
            @Parameter(description = "key or key=value") @QueryParam("label") String label,
            @Parameter(description = "replicated or global") @QueryParam("mode") String mode,
            @Parameter(description = "services of this stack") @QueryParam("stack") String stack,
            @Parameter(description = Lists.SORT) @QueryParam("sort") String sort,
            @Parameter(description = Lists.PAGE) @QueryParam("page") String page,
            @Parameter(description = Lists.SIZE) @QueryParam("size") String size) {
        ServiceFilter filter = new ServiceFilter(name, label, mode, stack);
        ListRequest window = Lists.request(SwarmService.ORDERING, sort, page, size);
        List<SwarmService> listed = services.list(filter);
        return filter.equals(ServiceFilter.ALL) && window.equals(ListRequest.WHOLE)
                ? Response.ok(rendered.envelope("services", listed), MediaType.APPLICATION_JSON_TYPE).build()
                : Response.ok(Lists.envelope(listed, SwarmService.ORDERING, window)).build();
    }

    @Operation(operationId = "inspectService", summary = "Inspect a service by name or ID")
    @APIResponse(responseCode = "200", description = "The service", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmServiceAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"name\":\"ocr-worker\",\"desired_replicas\":3,\"running_replicas\":3}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("{name}")
    @Answer(SwarmService.class)
    public Envelope inspect(@PathParam("name") String name) {
        return Envelope.of(services.inspect(name));
    }

    @Operation(summary = "Scale a replicated service")
    @APIResponse(responseCode = "200", description = "The service with its new desired count", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmServiceAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"name\":\"ocr-worker\",\"desired_replicas\":5,\"running_replicas\":3}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("{name}/scale")
    @Answer(SwarmService.class)
    public Envelope scale(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ScaleRequest"),
            examples = @ExampleObject(name = "example", value = ScaleRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + ScaleRequest.EXAMPLE) @Valid ScaleRequest request) {
        return Envelope.of(services.scale(name, Requests.wholeNumber(request.replicas(), "replicas")));
    }

    @Operation(summary = "Roll a service out to another image, as its update config says")
    @APIResponse(responseCode = "200", description = "The service with its new image", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmServiceAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"name\":\"ocr-worker\",\"image\":\"ocr-worker:2.0\"}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @PUT
    @Path("{name}/image")
    @Answer(SwarmService.class)
    public Envelope image(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "ImageRequest"),
            examples = @ExampleObject(name = "example", value = ImageRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + ImageRequest.EXAMPLE) @Valid ImageRequest request) {
        return Envelope.of(services.updateImage(name, request.image()));
    }

    private static final String DRY_RUN = "change nothing: answer 200 with the current spec, the spec the edit would write, "
            + "their difference line by line, and the deployment policy's violations";

    @Operation(operationId = "createService", summary = "Create a service from one Compose service (docker service create)")
    @APIResponse(responseCode = "201", description = "The service, with warnings for Compose keys not applied", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ServiceWriteResultAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"service\":{\"name\":\"web\",\"image\":\"nginx:1.27\",\"desired_replicas\":2,\"running_replicas\":0},\"warnings\":[],\"bypassed\":[]}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Answer(ServiceWriteResult.class)
    public Response create(@RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "CreateServiceRequest"),
            examples = @ExampleObject(name = "example", value = CreateServiceRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + CreateServiceRequest.EXAMPLE) @Valid CreateServiceRequest request,
            @Context UriInfo uri) {
        ServiceWriteResult result = services.create(new ServiceDefinition(request.name(), text(request.service(), "service"),
                request.variables()));
        return Response.created(uri.getBaseUriBuilder().path("services").path(result.service().name()).build())
                .entity(Envelope.of(result)).build();
    }

    @Operation(operationId = "getServiceSpec", summary = "A service's full spec as the Engine holds it, and the spec before its last update")
    @APIResponse(responseCode = "200", description = "The spec and its version (for viewers, environment values are hidden)", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SpecViewAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"id\":\"kq2x7\",\"name\":\"web\",\"version\":42,\"spec\":{\"Name\":\"web\"},\"previous_spec\":null}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("{name}/spec")
    @Answer(SpecView.class)
    public Envelope spec(@PathParam("name") String name) {
        ServiceSpec spec = services.spec(name);
        return Envelope.of(new SpecView(spec.id(), spec.name(), spec.version(), json(spec.spec()), json(spec.previousSpec())));
    }

    /** A spec as JSON in the answer, not as a string of JSON. */
    public record SpecView(String id, String name, long version, JsonValue spec, JsonValue previousSpec) {
    }

    @Operation(operationId = "editService", summary = "Change some of a service's settings, in Compose's words, keeping every other; dry_run shows the difference first")
    @APIResponse(responseCode = "200", description = "The service as changed, with warnings; with dry_run, the two specs, their difference and the policy's violations",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "EditPreviewOrServiceWriteResultAnswer"), examples = @ExampleObject(name = "example",
                    value = "{\"success\":true,\"data\":{\"service\":{\"name\":\"web\",\"version\":43},\"warnings\":[],\"bypassed\":[]}}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @PATCH
    @Path("{name}")
    @Answer({EditPreview.class, ServiceWriteResult.class})
    public Envelope edit(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json", schema = @Schema(ref = "EditServiceRequest"),
            examples = @ExampleObject(name = "example", value = EditServiceRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + EditServiceRequest.EXAMPLE) @Valid EditServiceRequest request,
            @Parameter(description = DRY_RUN) @QueryParam("dry_run") String dryRun) {
        ServiceEdit edit = new ServiceEdit(text(request.changes(), "changes"), request.variables(),
                request.version() == null ? null : Requests.wholeNumber(request.version(), "version"));
        if (Requests.flag(dryRun, "dry_run")) {
            ServiceEditPreview preview = services.previewEdit(name, edit);
            return Envelope.of(new EditPreview(preview.name(), preview.version(), preview.unchanged(),
                    LineDiff.of(preview.current(), preview.proposed()), json(preview.current()), json(preview.proposed()),
                    preview.warnings(), preview.violations()));
        }
        return Envelope.of(services.edit(name, edit));
    }

    /** What an edit would do: {@code diff} holds the changed lines of the spec, {@code "- "} before and {@code "+ "} after. */
    public record EditPreview(String name, long version, boolean unchanged, List<String> diff, JsonValue current, JsonValue proposed,
                              List<String> warnings, List<PolicyViolation> violations) {
    }

    @Operation(operationId = "rollbackService", summary = "Roll a service back to its spec before the last update (docker service rollback)")
    @APIResponse(responseCode = "200", description = "The service, rolling back", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmServiceAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"name\":\"web\",\"update_status\":{\"state\":\"rollback_started\"}}}")))
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("{name}/rollback")
    @Answer(SwarmService.class)
    public Envelope rollback(@PathParam("name") String name) {
        return Envelope.of(services.rollback(name));
    }

    @Operation(operationId = "redeployService", summary = "Restart every task of a service on the same spec (docker service update --force)")
    @APIResponse(responseCode = "200", description = "The service, redeploying", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmServiceAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"name\":\"web\",\"update_status\":{\"state\":\"updating\"}}}")))
    @APIResponse(responseCode = "403", ref = "PolicyRefused")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @POST
    @Path("{name}/redeploy")
    @Answer(SwarmService.class)
    public Envelope redeploy(@PathParam("name") String name) {
        return Envelope.of(services.redeploy(name));
    }

    @Operation(operationId = "exportServiceCompose", summary = "The service as one Compose service, which POST /services takes back")
    @APIResponse(responseCode = "200", description = "The Compose service as YAML, and what its spec holds that Compose cannot say", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "ComposeDocumentAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"name\":\"web\",\"yaml\":\"image: nginx:1.27\\ndeploy:\\n  replicas: 2\\n\",\"warnings\":[]}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("{name}/compose")
    @Answer(ComposeDocument.class)
    public Envelope compose(@PathParam("name") String name) {
        return Envelope.of(exports.service(name));
    }

    /** A Compose service given as a JSON object, or as YAML text in a string. */
    private static String text(JsonValue value, String field) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            return value.toString();
        }
        throw new InvalidRequestException(field, "services.compose-value");
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return JsonValue.NULL;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Operation(operationId = "removeService", summary = "Remove a service")
    @APIResponse(responseCode = "200", description = "The service was removed", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "RemovedAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"kind\":\"service\",\"reference\":\"ocr-worker\"}}")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @DELETE
    @Path("{name}")
    @Answer(Removed.class)
    public Envelope remove(@PathParam("name") String name) {
        services.remove(name);
        return Envelope.of(new Removed("service", name));
    }

    @Operation(summary = "List a service's tasks, current and past (docker service ps)")
    @APIResponse(responseCode = "200", description = "The tasks", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SwarmTaskListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"name\":\"ocr-worker.1\",\"node_hostname\":\"worker1\",\"desired_state\":\"running\",\"state\":\"running\",\"error\":null}],\"count\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("{name}/tasks")
    @Answer(value = SwarmTask.class, list = true)
    public Envelope tasks(@PathParam("name") String name,
            @Parameter(description = Lists.SORT) @QueryParam("sort") String sort,
            @Parameter(description = Lists.PAGE) @QueryParam("page") String page,
            @Parameter(description = Lists.SIZE) @QueryParam("size") String size) {
        ListRequest window = Lists.request(SwarmTask.ORDERING, sort, page, size);
        return Lists.envelope(tasks.list(name), SwarmTask.ORDERING, window);
    }

    /**
     * The newest {@code tail} lines (default 100), oldest first; or with {@code follow=true} a live stream of them,
     * as Server-Sent Events, that goes on until the client leaves.
     */
    @Operation(summary = "The newest log lines of a service's tasks, stdout and stderr, oldest first; follow=true streams new lines")
    @APIResponse(responseCode = "200", description = "The lines. With follow=true, a text/event-stream of `line` events instead (data: one line as JSON, id: its time)",
            content = @Content(mediaType = "application/json", schema = @Schema(ref = "LogLineListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"timestamp\":\"2026-11-27T10:00:00.123Z\",\"stream\":\"stdout\",\"task_id\":\"euv53zzl\",\"node_id\":\"ocvw086t\",\"message\":\"ocr-worker 1.0 processed page 60\"}],\"count\":1}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", description = "Too many log follows open; retry later")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    @GET
    @Path("{name}/logs")
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @Answer(value = LogLine.class, list = true)
    public CompletionStage<Response> logs(@PathParam("name") String name,
                     @Parameter(description = "how many of the newest lines: 1 to swarm.logs.max-tail (5000), default 100 (0 is allowed with follow)") @QueryParam("tail") String tail,
                     @Parameter(description = "true: keep the connection open and stream new lines as Server-Sent Events") @QueryParam("follow") String follow,
                     @Parameter(description = "with follow, resume after this line's time (browsers send it on reconnect)") @HeaderParam("Last-Event-ID") String lastEventId) {
        // Asynchronous by its answer, a CompletionStage, rather than by a @Suspended AsyncResponse parameter: Payara's
        // OpenAPI scanner documents that parameter as a request body unless it is also @Context, and RESTEasy (Open
        // Liberty) then injects it as @Context and never suspends the request.
        int lines = Requests.integer(tail, "tail", DEFAULT_TAIL);
        if (!Requests.flag(follow, "follow")) {
            return CompletableFuture.completedFuture(
                    Response.ok(Envelope.of(tasks.logs(name, lines)), MediaType.APPLICATION_JSON_TYPE).build());
        }
        LogFollow stream = tasks.follow(name, lines, LastEventId.logLine(lastEventId));
        StreamingOutput events = output -> {
            EventStream sse = new EventStream(output, "swarm manager log follow");
            stream.run(new LogFollow.Sink() {
                @Override
                public void line(LogLine line) throws IOException {
                    sse.event(line.timestamp() == null ? null : line.timestamp().toString(), "line", JSON.toJson(line));
                }

                @Override
                public void idle() throws IOException {
                    sse.keepalive();
                }
            });
        };
        // Completed on an executor's thread once the container waits for it, so that thread writes the stream for as
        // long as the follow lasts: the request thread goes back to the server's (small) pool at once, and open follows
        // never starve other requests.
        try {
            return SubscribedStage.supplyOnceSubscribed(() -> Response.ok(events, MediaType.SERVER_SENT_EVENTS_TYPE)
                    .header("Cache-Control", "no-store").build(), executor, SUBSCRIPTION_PATIENCE);
        } catch (RejectedExecutionException e) {
            stream.abandon();
            throw new LimitReachedException("logs.busy");
        }
    }
}
