package dev.swarmmanager.fakes;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted Docker Engine for unit tests of the raw-API paths: each {@code "METHOD /path"} answers with the
 * queued responses in order (the last one repeats), and every request is recorded with its body.
 */
public class FakeEngine implements DockerHttpClient {

    public record Exchange(String method, String path, String body) {
    }

    private record Answer(int status, String body) {
    }

    private final Map<String, Deque<Answer>> answers = new HashMap<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private RuntimeException failure;

    public FakeEngine on(String methodAndPath, int status, String body) {
        answers.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(new Answer(status, body));
        return this;
    }

    /** Every request fails as a dead socket would. */
    public FakeEngine unreachable(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    public List<Exchange> posts() {
        return exchanges.stream().filter(e -> e.method().equals("POST")).toList();
    }

    @Override
    public Response execute(Request request) {
        String body = request.bodyBytes() == null ? null : new String(request.bodyBytes(), StandardCharsets.UTF_8);
        exchanges.add(new Exchange(request.method(), request.path(), body));
        if (failure != null) {
            throw failure;
        }
        Deque<Answer> queue = answers.get(request.method() + " " + request.path());
        if (queue == null || queue.isEmpty()) {
            throw new AssertionError("unexpected Engine call " + request.method() + " " + request.path());
        }
        Answer answer = queue.size() > 1 ? queue.poll() : queue.peek();
        return new Response() {
            @Override
            public int getStatusCode() {
                return answer.status();
            }

            @Override
            public Map<String, List<String>> getHeaders() {
                return Map.of();
            }

            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
    }
}
