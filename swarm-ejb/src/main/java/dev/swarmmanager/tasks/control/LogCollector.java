package dev.swarmmanager.tasks.control;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.swarmmanager.docker.Times;
import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.LogStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the newest {@code tail} lines of a service's log stream. The Engine applies the tail per task, so
 * a service with many tasks sends up to tail × tasks lines: we keep at most twice the tail in memory,
 * trimming to the newest as we go, and return exactly the newest {@code tail}, oldest first.
 */
public class LogCollector extends ResultCallback.Adapter<Frame> {

    private static final String DETAIL_PREFIX = "com.docker.swarm.";
    private static final Comparator<LogLine> BY_TIME =
            Comparator.comparing(LogLine::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final int tail;
    private final List<LogLine> lines = new ArrayList<>();

    public LogCollector(int tail) {
        this.tail = tail;
    }

    @Override
    public void onNext(Frame frame) {
        LogStream stream = frame.getStreamType() == StreamType.STDERR ? LogStream.STDERR : LogStream.STDOUT;
        String payload = new String(frame.getPayload(), StandardCharsets.UTF_8);
        synchronized (lines) {
            for (String line : payload.split("\n")) {
                if (!line.isEmpty()) {
                    lines.add(parse(stream, line));
                }
            }
            if (lines.size() > 2 * tail) {
                keepNewest();
            }
        }
    }

    public List<LogLine> lines() {
        synchronized (lines) {
            keepNewest();
            return List.copyOf(lines);
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
    static LogLine parse(LogStream stream, String line) {
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
