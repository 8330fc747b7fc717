package dev.swarmmanager.rest.events;

import dev.swarmmanager.domain.ChangeType;
import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.events.boundary.ChangeFeed;
import dev.swarmmanager.rest.json.JsonMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's changes as Server-Sent Events: {@code event: node|service|task|health}, {@code id} opaque (this
 * server's feed and the change's number), {@code data} the change as JSON. A client that reconnects with
 * {@code Last-Event-ID} gets what it missed; {@code event: resync} tells it to reload instead, as when the ID is
 * another server's or from before a restart.
 */
@Tag(name = "Events", description = "Live changes of the cluster")
@Path("events")
@ApplicationScoped
public class EventsResource {

    private static final Jsonb JSON = JsonMapping.create();

    /**
     * How long one connection lasts. Payara's Jersey does not report a client that left until much later (if
     * ever), so connections are recycled: the client reconnects at once with Last-Event-ID and loses nothing,
     * and the server never holds more than a minute's worth of abandoned subscribers.
     */
    static final long MAX_CONNECTION_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Inject
    ChangeFeed feed;

    @Operation(summary = "Follow the cluster's changes (Server-Sent Events), resuming after Last-Event-ID")
    @APIResponse(responseCode = "200", description = "A stream of node, service, task and health changes",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "429", description = "Too many change-feed clients open, overall or for this user; retry later")
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void follow(@Context SseEventSink sink, @Context Sse sse, @Context SecurityContext caller,
                       @Parameter(description = "the last event ID seen, as browsers send it on reconnect")
                       @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
                       @Parameter(description = "the same, for clients that cannot set headers")
                       @QueryParam("last_event_id") String lastEventIdParam) {
        String lastSeen = lastEventId != null ? lastEventId : lastEventIdParam;
        long deadline = System.nanoTime() + MAX_CONNECTION_NANOS;
        // Subscribed first: beyond the caps this throws, and the client gets 429 instead of a stream.
        ChangeFeed.Started subscription = feed.subscribe(caller.getUserPrincipal() == null ? "" : caller.getUserPrincipal().getName(),
                lastSeen, change -> {
                    if (sink.isClosed()) {
                        return false;
                    }
                    if (System.nanoTime() > deadline) {
                        sink.close(); // recycled: the client reconnects with Last-Event-ID and gets this change then
                        return false;
                    }
                    sink.send(event(sse, change, feed.eventId(change))).exceptionally(failure -> {
                        sink.close(); // the client left: the next change drops it
                        return null;
                    });
                    return true;
                });
        subscription.whenEnded(sink::close); // ended by the feed: the client reconnects and is answered anew
        // Deliveries (a reconnecting client's replay first) start once the stream's first write is done: on RESTEasy
        // (Open Liberty) an event sent while the resource method was still opening the stream sat unsent until the
        // next one, a minute later.
        try {
            sink.send(sse.newEventBuilder().comment("swarm manager change feed").reconnectDelay(1000).build())
                    .whenComplete((done, failure) -> {
                        if (failure == null) {
                            subscription.start();
                        } else {
                            subscription.cancel();
                            sink.close();
                        }
                    }); // a first write that never completes: the feed gives the place back by itself
        } catch (RuntimeException e) {
            subscription.cancel();
            throw e;
        }
    }

    private static OutboundSseEvent event(Sse sse, ClusterChange change, String id) {
        if (change.type() == ChangeType.KEEPALIVE) {
            return sse.newEventBuilder().comment("keepalive").build();
        }
        return sse.newEventBuilder()
                .id(id)
                .name(change.type().toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, JSON.toJson(change))
                .build();
    }
}
