package dev.swarmmanager.rest.history;

import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.HistoryPage;
import dev.swarmmanager.domain.HistoryQuery;
import dev.swarmmanager.domain.WireName;
import dev.swarmmanager.history.boundary.History;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** The event history, newest first, searchable, for anyone signed in. */
@Tag(name = "History", description = "Every change of the cluster and every decision of the application, kept for swarm.history.retention")
@Path("history")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    History history;

    @Operation(operationId = "searchHistory", summary = "Search the event history by time, kind, object, stack, text and cluster, newest first, one page at a time")
    @APIResponse(responseCode = "200", description = "One page of entries", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "HistoryEventListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"id\":812,\"time\":\"2026-11-30T10:00:00Z\",\"kind\":\"task\",\"action\":\"updated\",\"object_id\":\"euv53zzl\",\"object_name\":\"ocr-worker.2\",\"service\":\"ocr-worker\",\"stack\":null,\"summary\":\"task ocr-worker.2 on worker1: failed (desired running): task: non-zero exit (1)\",\"cluster\":\"default\"}],\"count\":1,\"total\":1,\"page\":0,\"size\":50}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    @Answer(value = HistoryEvent.class, list = true)
    public Envelope search(
            @Parameter(description = "from this instant (ISO-8601, e.g. 2026-11-30T00:00:00Z)") @QueryParam("from") String from,
            @Parameter(description = "before this instant (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "node, service, task, health, autoscaler or alert") @QueryParam("kind") String kind,
            @Parameter(description = "a node's hostname, a service's name (its tasks included), a task's name, or an ID's start") @QueryParam("object") String object,
            @Parameter(description = "the stack's name") @QueryParam("stack") String stack,
            @Parameter(description = "text found anywhere in the summary, ignoring case") @QueryParam("q") String text,
            @Parameter(description = "page number from 0") @QueryParam("page") String page,
            @Parameter(description = "entries per page, 1 to 500 (50)") @QueryParam("size") String size,
            @Parameter(description = "a managed Swarm's name (`default` for the server's own); every Swarm's when absent") @QueryParam("cluster") String cluster) {
        HistoryQuery query = new HistoryQuery(Requests.instant(from, "from"), Requests.instant(to, "to"),
                kind == null || kind.isBlank() ? null : WireName.parse(HistoryKind.class, "kind", kind),
                object, stack, text, cluster, Requests.integer(page, "page", 0), Requests.integer(size, "size", HistoryQuery.DEFAULT_SIZE));
        HistoryPage result = history.search(query);
        return Envelope.page(result.events(), result.total(), result.page(), result.size());
    }
}
