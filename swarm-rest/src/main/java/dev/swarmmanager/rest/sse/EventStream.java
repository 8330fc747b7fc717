package dev.swarmmanager.rest.sse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-Sent Events as the API's log follows (the change feed uses JAX-RS's own SSE API, which needs no thread per client) write them: every frame flushed at once, so that a write to a client that has left
 * fails ({@link IOException}), which is how a stream learns to end.
 */
public final class EventStream {

    private final OutputStream out;

    /** Opens the stream: clients reconnect after a second, and {@code what} names it for whoever reads it raw. */
    public EventStream(OutputStream out, String what) throws IOException {
        this.out = out;
        write("retry: 1000\n: " + what + "\n\n");
    }

    /** @param id the event's ID, which the client sends back as Last-Event-ID when it reconnects; null for none */
    public synchronized void event(String id, String name, String data) throws IOException {
        write((id == null ? "" : "id: " + id + "\n") + "event: " + name + "\ndata: " + data + "\n\n");
    }

    /** A comment: nothing new, but the connection is alive (and a client that left is noticed). */
    public synchronized void keepalive() throws IOException {
        write(": keepalive\n\n");
    }

    private void write(String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
