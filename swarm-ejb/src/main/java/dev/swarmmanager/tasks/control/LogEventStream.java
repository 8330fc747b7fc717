package dev.swarmmanager.tasks.control;

import dev.swarmmanager.domain.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A log follow written as Server-Sent Events, for the API and the UI alike: one {@code line} event per line, its
 * time as the event ID (a client that reconnects with Last-Event-ID resumes after it), a comment when idle. Every
 * event is flushed at once; a write that fails means the client left, which ends the follow.
 */
public final class LogEventStream implements LogFollow.Sink {

    private final OutputStream out;
    private final Function<LogLine, String> json;

    /** @param json the line as the edge spells JSON */
    public LogEventStream(OutputStream out, Function<LogLine, String> json) throws IOException {
        this.out = out;
        this.json = json;
        write("retry: 1000\n: swarm manager log follow\n\n");
    }

    @Override
    public void line(LogLine line) throws IOException {
        write((line.timestamp() == null ? "" : "id: " + line.timestamp() + "\n")
                + "event: line\ndata: " + json.apply(line) + "\n\n");
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
