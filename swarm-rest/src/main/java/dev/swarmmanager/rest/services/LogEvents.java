package dev.swarmmanager.rest.services;

import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.rest.json.JsonMapping;
import dev.swarmmanager.tasks.control.LogFollow;
import jakarta.json.bind.Jsonb;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A log follow as Server-Sent Events: one {@code line} event per line, its time as the event ID (a client that
 * reconnects with Last-Event-ID resumes after it), and a comment when idle. Every event is flushed at once; a
 * write that fails means the client left, which ends the follow.
 */
final class LogEvents implements LogFollow.Sink {

    private static final Jsonb JSON = JsonMapping.create();

    private final OutputStream out;

    LogEvents(OutputStream out) throws IOException {
        this.out = out;
        write("retry: 1000\n: swarm manager log follow\n\n");
    }

    @Override
    public void line(LogLine line) throws IOException {
        write((line.timestamp() == null ? "" : "id: " + line.timestamp() + "\n")
                + "event: line\ndata: " + JSON.toJson(line) + "\n\n");
    }

    @Override
    public void idle() throws IOException {
        write(": keepalive\n\n");
    }

    private void write(String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
