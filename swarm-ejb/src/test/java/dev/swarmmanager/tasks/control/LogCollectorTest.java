package dev.swarmmanager.tasks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.LogStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogCollectorTest {

    private static final String DETAILS = "com.docker.swarm.node.id=node1,com.docker.swarm.service.id=svc1,com.docker.swarm.task.id=task1";

    @Test
    void framesBecomeLinesWithStreamTaskNodeAndTime() {
        byte[] body = stream(
                frame(1, "2026-11-27T10:00:01.000000001Z " + DETAILS + " processed page 1\n"),
                frame(2, "2026-11-27T10:00:02Z " + DETAILS + " queue empty\n"));

        List<LogLine> lines = new LogCollector(10).collect(new ByteArrayInputStream(body));

        assertThat(lines).containsExactly(
                new LogLine(Instant.parse("2026-11-27T10:00:01.000000001Z"), LogStream.STDOUT, "task1", "node1", "processed page 1"),
                new LogLine(Instant.parse("2026-11-27T10:00:02Z"), LogStream.STDERR, "task1", "node1", "queue empty"));
    }

    @Test
    void onlyTheNewestTailLinesAreKeptOldestFirst() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int task = 0; task < 3; task++) {
            for (int i = 0; i < 50; i++) {
                out.writeBytes(frame(1, String.format("2026-11-27T10:%02d:%02dZ %s line %d of task %d%n",
                        i / 60, i % 60, DETAILS, i, task)));
            }
        }
        List<LogLine> lines = new LogCollector(5).collect(new ByteArrayInputStream(out.toByteArray()));
        assertThat(lines).hasSize(5);
        assertThat(lines).extracting(LogLine::timestamp).allMatch(t -> !t.isBefore(Instant.parse("2026-11-27T10:00:47Z")));
        assertThat(lines.get(4).message()).startsWith("line 49");
    }

    @Test
    void aLineWithoutDetailsKeepsItsText() {
        LogLine line = LogCollector.parse(LogStream.STDOUT, "plain text without time");
        assertThat(line.timestamp()).isNull();
        assertThat(line.message()).isEqualTo("plain text without time");
    }

    @Test
    void aTruncatedOrForeignStreamFailsClearly() {
        byte[] bogus = "HTTP/1.1 200 OK garbage that is not a frame".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new LogCollector(5).collect(new ByteArrayInputStream(bogus)))
                .isInstanceOf(UncheckedIOException.class);
    }

    private static byte[] frame(int stream, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[8 + bytes.length];
        frame[0] = (byte) stream;
        frame[4] = (byte) (bytes.length >>> 24);
        frame[5] = (byte) (bytes.length >>> 16);
        frame[6] = (byte) (bytes.length >>> 8);
        frame[7] = (byte) bytes.length;
        System.arraycopy(bytes, 0, frame, 8, bytes.length);
        return frame;
    }

    private static byte[] stream(byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] f : frames) {
            out.writeBytes(f);
        }
        return out.toByteArray();
    }
}
