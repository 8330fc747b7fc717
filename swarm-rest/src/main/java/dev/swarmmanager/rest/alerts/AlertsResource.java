package dev.swarmmanager.rest.alerts;

import dev.swarmmanager.alerts.boundary.AlertChannels;
import dev.swarmmanager.alerts.boundary.AlertRules;
import dev.swarmmanager.alerts.boundary.Alerts;
import dev.swarmmanager.domain.AlertChannelDraft;
import dev.swarmmanager.domain.AlertPage;
import dev.swarmmanager.domain.AlertRuleDraft;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.rest.json.Answer;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.Removed;
import dev.swarmmanager.rest.json.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Alerts (open and past), the rules that raise them, and the channels they are sent through. */
@Tag(name = "Alerts", description = "Alerts, alert rules and notification channels")
@Path("alerts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AlertsResource {

    private static final String RULE_EXAMPLE = "{\"success\":true,\"data\":{\"name\":\"node-down\",\"condition\":\"node-down\",\"severity\":\"critical\",\"for_seconds\":30,\"enabled\":true,\"silenced_until\":null,\"updated_by\":\"olga\",\"updated_at\":\"2026-11-30T10:00:00Z\"}}";
    private static final String CHANNEL_EXAMPLE = "{\"success\":true,\"data\":{\"name\":\"ops-chat\",\"type\":\"chat\",\"target\":\"https://chat.example.com/hooks/abc123\",\"minimum_severity\":\"warning\",\"enabled\":true,\"updated_by\":\"olga\",\"updated_at\":\"2026-11-30T10:00:00Z\"}}";

    @Inject
    Alerts alerts;

    @Inject
    AlertRules rules;

    @Inject
    AlertChannels channels;

    @Operation(operationId = "listAlerts", summary = "The alerts: the open ones (the most severe first), or all, newest first")
    @APIResponse(responseCode = "200", description = "One page of alerts", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertViewListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[{\"id\":42,\"rule\":\"node-down\",\"condition\":\"node-down\",\"severity\":\"critical\",\"object_kind\":\"node\",\"object\":\"worker2\",\"summary\":\"node worker2 is down\",\"fired_at\":\"2026-11-30T10:00:00Z\",\"resolved_at\":null,\"notified\":true}],\"count\":1,\"total\":1,\"page\":0,\"size\":50}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Answer(value = AlertView.class, list = true)
    public Envelope list(@Parameter(description = "open (the default) or all") @QueryParam("state") String state,
                         @Parameter(description = "page number from 0") @QueryParam("page") String page,
                         @Parameter(description = "alerts per page, 1 to 500 (50)") @QueryParam("size") String size) {
        boolean all;
        if (state == null || state.isBlank() || state.trim().equalsIgnoreCase("open")) {
            all = false;
        } else if (state.trim().equalsIgnoreCase("all")) {
            all = true;
        } else {
            throw new InvalidRequestException("state", "alerts.state");
        }
        int pageNumber = Requests.integer(page, "page", 0);
        int pageSize = Requests.integer(size, "size", AlertPage.DEFAULT_SIZE);
        AlertPage result = alerts.search(!all, pageNumber, pageSize);
        return Envelope.page(result.alerts().stream().map(AlertView::of).toList(), result.total(), result.page(), result.size());
    }

    @Operation(operationId = "listAlertRules", summary = "The alert rules")
    @APIResponse(responseCode = "200", description = "The rules", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertRuleViewListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[],\"count\":0}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @GET
    @Path("rules")
    @Answer(value = AlertRuleView.class, list = true)
    public Envelope rules() {
        return Envelope.of(rules.list().stream().map(AlertRuleView::of).toList());
    }

    @Operation(operationId = "getAlertRule", summary = "One alert rule")
    @APIResponse(responseCode = "200", description = "The rule", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertRuleViewAnswer"), examples = @ExampleObject(name = "example", value = RULE_EXAMPLE)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("rules/{name}")
    @Answer(AlertRuleView.class)
    public Envelope rule(@PathParam("name") String name) {
        return Envelope.of(AlertRuleView.of(rules.get(name)));
    }

    @Operation(operationId = "setAlertRule", summary = "Set an alert rule (admins); a silence it has stays")
    @APIResponse(responseCode = "200", description = "The rule as kept", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertRuleViewAnswer"), examples = @ExampleObject(name = "example", value = RULE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @PUT
    @Path("rules/{name}")
    @Answer(AlertRuleView.class)
    public Envelope setRule(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertRuleRequest"), examples = @ExampleObject(name = "example", value = AlertRuleDraft.EXAMPLE)))
            @NotNull(message = "{body.required}|" + AlertRuleDraft.EXAMPLE) AlertRuleDraft request) {
        return Envelope.of(AlertRuleView.of(rules.set(name, request)));
    }

    @Operation(operationId = "removeAlertRule", summary = "Remove an alert rule (admins): its open alerts resolve")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "RemovedAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"kind\":\"alert rule\",\"reference\":\"node-down\"}}")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("rules/{name}")
    @Answer(Removed.class)
    public Envelope removeRule(@PathParam("name") String name) {
        rules.remove(name);
        return Envelope.of(new Removed("alert rule", name));
    }

    @Operation(operationId = "silenceAlertRule", summary = "Silence a rule for a while (operators and admins): its alerts still show, their firing is not sent")
    @APIResponse(responseCode = "200", description = "The rule, silenced", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertRuleViewAnswer"), examples = @ExampleObject(name = "example", value = RULE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @PUT
    @Path("rules/{name}/silence")
    @Answer(AlertRuleView.class)
    public Envelope silence(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "SilenceRequest"), examples = @ExampleObject(name = "example", value = SilenceRequest.EXAMPLE)))
            @NotNull(message = "{body.required}|" + SilenceRequest.EXAMPLE) SilenceRequest request) {
        long seconds = Requests.field(request.seconds(), "seconds", SilenceRequest.EXAMPLE);
        return Envelope.of(AlertRuleView.of(rules.silence(name, Duration.ofSeconds(seconds))));
    }

    @Operation(operationId = "unsilenceAlertRule", summary = "End a rule's silence (operators and admins): an alert still open is sent now")
    @APIResponse(responseCode = "200", description = "The rule", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertRuleViewAnswer"), examples = @ExampleObject(name = "example", value = RULE_EXAMPLE)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("rules/{name}/silence")
    @Answer(AlertRuleView.class)
    public Envelope unsilence(@PathParam("name") String name) {
        return Envelope.of(AlertRuleView.of(rules.unsilence(name)));
    }

    @Operation(operationId = "listAlertChannels", summary = "The notification channels (admins: a target may carry a token)")
    @APIResponse(responseCode = "200", description = "The channels", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertChannelViewListAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":[],\"count\":0}")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @GET
    @Path("channels")
    @Answer(value = AlertChannelView.class, list = true)
    public Envelope channels() {
        return Envelope.of(channels.list().stream().map(AlertChannelView::of).toList());
    }

    @Operation(operationId = "getAlertChannel", summary = "One notification channel (admins)")
    @APIResponse(responseCode = "200", description = "The channel", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertChannelViewAnswer"), examples = @ExampleObject(name = "example", value = CHANNEL_EXAMPLE)))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @GET
    @Path("channels/{name}")
    @Answer(AlertChannelView.class)
    public Envelope channel(@PathParam("name") String name) {
        return Envelope.of(AlertChannelView.of(channels.get(name)));
    }

    @Operation(operationId = "setAlertChannel", summary = "Set a notification channel (admins): a webhook, a chat tool's incoming webhook, or e-mail")
    @APIResponse(responseCode = "200", description = "The channel as kept", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertChannelViewAnswer"), examples = @ExampleObject(name = "example", value = CHANNEL_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @PUT
    @Path("channels/{name}")
    @Answer(AlertChannelView.class)
    public Envelope setChannel(@PathParam("name") String name, @RequestBody(required = true, content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "AlertChannelRequest"), examples = @ExampleObject(name = "example", value = AlertChannelDraft.EXAMPLE)))
            @NotNull(message = "{body.required}|" + AlertChannelDraft.EXAMPLE) AlertChannelDraft request) {
        return Envelope.of(AlertChannelView.of(channels.set(name, request)));
    }

    @Operation(operationId = "removeAlertChannel", summary = "Remove a notification channel (admins)")
    @APIResponse(responseCode = "200", description = "Removed", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "RemovedAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"kind\":\"alert channel\",\"reference\":\"ops-chat\"}}")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("channels/{name}")
    @Answer(Removed.class)
    public Envelope removeChannel(@PathParam("name") String name) {
        channels.remove(name);
        return Envelope.of(new Removed("alert channel", name));
    }

    @Operation(operationId = "testAlertChannel", summary = "Send a test message through a channel now (admins), and say whether it was taken")
    @APIResponse(responseCode = "200", description = "Taken by the receiver", content = @Content(mediaType = "application/json",
            schema = @Schema(ref = "DeliveredAnswer"), examples = @ExampleObject(name = "example", value = "{\"success\":true,\"data\":{\"channel\":\"ops-chat\",\"delivered\":true}}")))
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "502", ref = "BadGateway")
    @POST
    @Path("channels/{name}/test")
    @Answer(Delivered.class)
    public Envelope testChannel(@PathParam("name") String name) {
        channels.test(name);
        return Envelope.of(new Delivered(name, true));
    }

    /** The answer to a channel's test: the receiver took the message (a refusal is a 502). */
    public record Delivered(String channel, boolean delivered) {
    }
}
