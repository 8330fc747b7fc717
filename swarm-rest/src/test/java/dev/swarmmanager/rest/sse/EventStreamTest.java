package dev.swarmmanager.rest.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The frames a browser's EventSource reads, and a client that left noticed at the next write. */
class EventStreamTest {

    @Test
    void framesAsTheEventSourceReadsThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EventStream stream = new EventStream(out, "log follow");
        stream.event("2026-11-29T10:00:00Z", "line", "{\"message\":\"ünïcode\"}");
        stream.event(null, "line", "{}");
        stream.keepalive();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("retry: 1000\n: log follow\n\n"
                + "id: 2026-11-29T10:00:00Z\nevent: line\ndata: {\"message\":\"ünïcode\"}\n\n"
                + "event: line\ndata: {}\n\n"
                + ": keepalive\n\n");
    }

    @Test
    void aClientThatLeftFailsTheNextWrite() throws IOException {
        OutputStream gone = new OutputStream() {
            private int writes;

            @Override
            public void write(int b) throws IOException {
                throw new IOException("broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (writes++ > 0) {
                    throw new IOException("broken pipe");
                }
            }
        };
        EventStream stream = new EventStream(gone, "changes");
        assertThatThrownBy(stream::keepalive).isInstanceOf(IOException.class);
    }
}
