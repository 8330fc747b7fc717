package dev.swarmmanager.rest.audit;

import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.domain.AuditEntry;
import dev.swarmmanager.domain.AuditOutcome;
import dev.swarmmanager.domain.AuditPage;
import dev.swarmmanager.domain.AuditQuery;
import dev.swarmmanager.domain.WireName;
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

/** The audit log, newest first, for admins. */
@Tag(name = "Audit", description = "Who changed what, and how it ended")
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog log;

    @Operation(summary = "Audit log entries, newest first (admin)")
    @APIResponse(responseCode = "200", description = "One page of entries", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AuditEntryListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"id\":7,\"time\":\"2026-11-27T12:00:00Z\",\"user\":\"alice\",\"roles\":[\"operator\",\"viewer\"],\"action\":\"services.scale\",\"target\":\"ocr-worker\",\"parameters\":{\"replicas\":\"5\"},\"outcome\":\"succeeded\",\"error\":null,\"client_address\":\"10.0.0.7\",\"cluster\":\"default\"}],\"count\":1,\"total\":1,\"page\":0,\"size\":50}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    @Answer(value = AuditEntry.class, list = true)
    public Envelope search(
            @Parameter(description = "user name prefix") @QueryParam("user") String user,
            @Parameter(description = "action prefix, e.g. services. or nodes.remove") @QueryParam("action") String action,
            @Parameter(description = "target prefix (service, node or stack name)") @QueryParam("target") String target,
            @Parameter(description = "succeeded, failed or denied") @QueryParam("outcome") String outcome,
            @Parameter(description = "from this instant (ISO-8601, e.g. 2026-11-27T00:00:00Z)") @QueryParam("from") String from,
            @Parameter(description = "before this instant (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "page number from 0") @QueryParam("page") String page,
            @Parameter(description = "entries per page, 1 to 500 (50)") @QueryParam("size") String size) {
        AuditQuery query = new AuditQuery(user, action, target,
                outcome == null || outcome.isBlank() ? null : WireName.parse(AuditOutcome.class, "outcome", outcome),
                Requests.instant(from, "from"), Requests.instant(to, "to"),
                Requests.integer(page, "page", 0), Requests.integer(size, "size", AuditQuery.DEFAULT_SIZE));
        AuditPage result = log.search(query);
        return Envelope.page(result.entries(), result.total(), result.page(), result.size());
    }
}
