package dev.swarmmanager.web;

import dev.swarmmanager.domain.ChangeType;
import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.events.boundary.ChangeFeed;
import dev.swarmmanager.security.ApiRefusals;
import dev.swarmmanager.web.sse.EventStream;
import jakarta.inject.Inject;
import dev.swarmmanager.domain.LimitReachedException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The UI's view of the change feed: Server-Sent Events that say only which kind of thing changed, so the page
 * redraws its panels. It lives in the UI module, behind the UI's sign-in, because a browser's EventSource can
 * send the UI's session cookie but not the API's bearer token. Connections end after a minute and the browser
 * reconnects (with Last-Event-ID), so a client that left silently is dropped within a minute.
 */
@WebServlet(urlPatterns = "/live/changes", asyncSupported = true)
public class LiveChanges extends HttpServlet {

    private static final long MAX_CONNECTION_NANOS = TimeUnit.SECONDS.toNanos(60);

    @Inject
    ChangeFeed feed;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
        long deadline = System.nanoTime() + MAX_CONNECTION_NANOS;
        AtomicReference<AsyncContext> started = new AtomicReference<>();
        AtomicReference<EventStream> writer = new AtomicReference<>();
        ChangeFeed.Started subscription;
        try {
            // Subscribed before anything is written: beyond the caps the answer is a plain 429. Nothing is delivered
            // until the stream is set up below (start).
            subscription = feed.subscribe(user, request.getHeader("Last-Event-ID"),
                    change -> send(started.get(), writer.get(), change, feed.eventId(change), deadline));
        } catch (LimitReachedException e) {
            response.sendError(429, e.messageIn(ApiRefusals.language(request)));
            return;
        }
        boolean open = false;
        try {
            response.setContentType("text/event-stream");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            AsyncContext async = request.startAsync();
            async.setTimeout(0);
            EventStream out;
            try {
                out = new EventStream(response.getOutputStream(), "swarm manager changes");
            } catch (IOException clientLeft) {
                complete(async);
                return;
            }
            writer.set(out);
            started.set(async);
            open = true;
            subscription.whenEnded(() -> complete(async)); // ended by the feed: the page's EventSource reconnects
            subscription.start();
        } finally {
            if (!open) {
                subscription.cancel(); // never started: the place is free again
            }
        }
    }

    /** Writes one change; false (unsubscribe) once the client is gone or the connection's minute is up. */
    private static boolean send(AsyncContext async, EventStream out, ClusterChange change, String id, long deadline) {
        if (System.nanoTime() > deadline) {
            complete(async);
            return false;
        }
        try {
            if (change.type() == ChangeType.KEEPALIVE) {
                out.keepalive();
            } else {
                out.event(id, change.type().toString(), change.action().toString());
            }
            return true;
        } catch (IOException | IllegalStateException clientLeft) {
            complete(async);
            return false;
        }
    }

    private static void complete(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // the container completed it when the client left
        }
    }
}
