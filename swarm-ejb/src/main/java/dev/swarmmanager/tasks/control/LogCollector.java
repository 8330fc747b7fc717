package dev.swarmmanager.tasks.control;

import dev.swarmmanager.docker.Times;
import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.LogStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the newest {@code tail} lines of a service's log stream. The Engine applies the tail per task, so
 * a service with many tasks sends up to tail × tasks lines: we keep at most twice the tail in memory,
 * trimming to the newest as we go, and return exactly the newest {@code tail}, oldest first.
 *
 * <p>The stream is the Engine's multiplexed format: frames of an 8-byte header (stream type, three zero
 * bytes, big-endian payload length) and the payload.
 */
public class LogCollector {

    private static final String DETAIL_PREFIX = "com.docker.swarm.";
    private static final int MAX_FRAME = 1 << 20;
    private static final Comparator<LogLine> BY_TIME =
            Comparator.comparing(LogLine::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final int tail;
    private final List<LogLine> lines = new ArrayList<>();

    public LogCollector(int tail) {
        this.tail = tail;
    }

    /** Reads the whole stream and returns the newest {@code tail} lines, oldest first. */
    public List<LogLine> collect(InputStream body) {
        try {
            readFrames(body, this::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keepNewest();
        return List.copyOf(lines);
    }

    /** What to do with each frame of a multiplexed stream: which stream it came from, and its text. */
    public interface FrameHandler {
        void frame(LogStream stream, String payload) throws IOException;
    }

    /**
     * Reads the Engine's multiplexed log stream (an 8-byte header per frame: stream, then size) to its end,
     * handing each frame's text over as it arrives.
     */
    public static void readFrames(InputStream body, FrameHandler handler) throws IOException {
        DataInputStream in = new DataInputStream(body);
        byte[] header = new byte[8];
        while (readHeader(in, header)) {
            int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8) | (header[7] & 0xff);
            if (size < 0 || size > MAX_FRAME) {
                throw new IOException("log frame of " + size + " bytes: not a multiplexed log stream");
            }
            byte[] payload = new byte[size];
            in.readFully(payload);
            handler.frame(header[0] == 2 ? LogStream.STDERR : LogStream.STDOUT, new String(payload, StandardCharsets.UTF_8));
        }
    }

    /** The lines of one frame (a frame may hold several, or end without a newline). */
    public static List<LogLine> lines(LogStream stream, String payload) {
        List<LogLine> parsed = new ArrayList<>();
        for (String line : payload.split("\n")) {
            if (!line.isEmpty()) {
                parsed.add(parse(stream, line));
            }
        }
        return parsed;
    }

    private static boolean readHeader(DataInputStream in, byte[] header) throws IOException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        header[0] = (byte) first;
        try {
            in.readFully(header, 1, 7);
        } catch (EOFException e) {
            return false;
        }
        return true;
    }

    private void add(LogStream stream, String payload) {
        lines.addAll(lines(stream, payload));
        if (lines.size() > 2 * tail) {
            keepNewest();
        }
    }

    private void keepNewest() {
        lines.sort(BY_TIME);
        if (lines.size() > tail) {
            lines.subList(0, lines.size() - tail).clear();
        }
    }

    /**
     * One line as the Engine sends it with timestamps and details on:
     * {@code <RFC3339 time> com.docker.swarm.node.id=..,com.docker.swarm.service.id=..,com.docker.swarm.task.id=.. <message>}.
     */
    public static LogLine parse(LogStream stream, String line) {
        String rest = line;
        Instant timestamp = null;
        int space = rest.indexOf(' ');
        if (space > 0) {
            timestamp = Times.parse(rest.substring(0, space));
            if (timestamp != null) {
                rest = rest.substring(space + 1);
            }
        }
        String nodeId = null;
        String taskId = null;
        if (rest.startsWith(DETAIL_PREFIX)) {
            int end = rest.indexOf(' ');
            String details = end < 0 ? rest : rest.substring(0, end);
            rest = end < 0 ? "" : rest.substring(end + 1);
            for (String pair : details.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String key = pair.substring(0, eq);
                    String value = pair.substring(eq + 1);
                    if (key.equals("com.docker.swarm.node.id")) {
                        nodeId = value;
                    } else if (key.equals("com.docker.swarm.task.id")) {
                        taskId = value;
                    }
                }
            }
        }
        return new LogLine(timestamp, stream, taskId, nodeId, rest);
    }
}
