package dev.swarmmanager.web;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.LastEventId;
import dev.swarmmanager.domain.LimitReachedException;
import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.security.ApiRefusals;
import dev.swarmmanager.tasks.boundary.LogFollow;
import dev.swarmmanager.tasks.boundary.Tasks;
import dev.swarmmanager.web.sse.EventStream;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.servlet.AsyncContext;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;

/**
 * The logs page's live follow: Server-Sent Events of new lines for a service, behind the UI's sign-in (a browser's
 * EventSource sends the session cookie, not the API's bearer token). The request is made asynchronous and the follow
 * runs on a managed executor's thread until the browser leaves the page (a write fails) or the follow's time is up,
 * so an open Logs page holds none of the server's request threads; the EJB checks the role and the caps.
 */
@WebServlet(urlPatterns = "/live/logs", asyncSupported = true)
public class LiveLogs extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Tasks tasks;

    @Resource
    ManagedExecutorService executor;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LogFollow follow;
        try {
            follow = tasks.follow(request.getParameter("service"), tail(request), since(request));
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (SwarmException e) {
            int status = e instanceof ResourceNotFoundException ? 404 : e instanceof InvalidRequestException ? 400
                    : e instanceof LimitReachedException ? 429 : 503;
            response.sendError(status, e.messageIn(ApiRefusals.language(request)));
            return;
        }
        response.setContentType("text/event-stream");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the follow ends itself: client gone, time up, or service removed
        EventStream sse = new EventStream(response.getOutputStream(), "swarm manager log follow");
        LogFollow.Sink events = new LogFollow.Sink() {
            @Override
            public void line(LogLine line) throws IOException {
                String time = line.timestamp() == null ? null : line.timestamp().toString();
                sse.event(time, "line", Json.createObjectBuilder().add("timestamp", time == null ? "" : time)
                        .add("stream", line.stream().toString()).add("message", line.message()).build().toString());
            }

            @Override
            public void idle() throws IOException {
                sse.keepalive();
            }
        };
        try {
            executor.execute(() -> {
                try {
                    follow.run(events);
                } finally {
                    async.complete();
                }
            });
        } catch (RejectedExecutionException e) {
            follow.abandon();
            response.sendError(429, Phrase.of("logs.busy").in(ApiRefusals.language(request)));
            async.complete();
        }
    }

    private static int tail(HttpServletRequest request) {
        try {
            String tail = request.getParameter("tail");
            return tail == null ? 0 : Integer.parseInt(tail);
        } catch (NumberFormatException e) {
            return -1; // refused by the EJB with a clear message
        }
    }

    /** A reconnecting EventSource's Last-Event-ID wins over the page's since. */
    private static Instant since(HttpServletRequest request) {
        String id = request.getHeader("Last-Event-ID");
        return LastEventId.logLine(id != null && !id.isBlank() ? id : request.getParameter("since"));
    }
}
