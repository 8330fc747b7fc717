package dev.swarmmanager.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Engine's HTTP API as plain JSON, for read-modify-write updates. docker-java's model drops every field
 * it does not know (capabilities, ulimits, sysctls, job modes...), so writing back a spec read through it
 * would silently erase settings made with the docker CLI. Here the spec travels as the Engine sent it and
 * only the field being changed is touched.
 */
@ApplicationScoped
public class EngineApi {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Inject
    MeteredHttpClient http;

    @Inject
    DockerCalls calls;

    public JsonNode get(String path, String kind, String reference) {
        DockerCalls.checkReference(kind, reference);
        return exchange(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build(),
                kind, reference);
    }

    /** Reads into a docker-java model, for the objects docker-java can list but not inspect (nodes). */
    public <T> T get(String path, Class<T> type, String kind, String reference) {
        return as(get(path, kind, reference), type);
    }

    /** Engine JSON as a docker-java model. */
    public <T> T as(JsonNode json, Class<T> type) {
        try {
            return JSON.treeToValue(json, type);
        } catch (IOException e) {
            throw calls.unavailable(e);
        }
    }

    public JsonNode delete(String path, String kind, String reference) {
        DockerCalls.checkReference(kind, reference);
        return exchange(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.DELETE).path(path).build(),
                kind, reference);
    }

    public JsonNode post(String path, JsonNode body, String kind, String reference) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exchange(DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.POST).path(path)
                .putHeader("Content-Type", "application/json").bodyBytes(bytes).build(), kind, reference);
    }

    /**
     * Streams a response body to {@code reader}, which must consume it before returning (logs).
     * Error statuses are translated like any other call.
     */
    public <T> T stream(String path, String kind, String reference, java.util.function.Function<InputStream, T> reader) {
        var request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
        try (DockerHttpClient.Response response = http.execute(request); InputStream in = response.getBody()) {
            int status = response.getStatusCode();
            if (status >= 400) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                throw failure(status, body, parse(body), kind, reference);
            }
            return reader.apply(in);
        } catch (IOException e) {
            throw calls.unavailable(e);
        } catch (UncheckedIOException e) {
            throw calls.unavailable(e.getCause());
        }
    }

    /**
     * Opens a response that may never end (a log follow). The caller reads {@link OpenStream#body()} and closes the
     * stream when done; closing drops the connection rather than reading the rest, so it also stops a reader
     * blocked on another thread.
     */
    public OpenStream open(String path, String kind, String reference) {
        var request = DockerHttpClient.Request.builder().method(DockerHttpClient.Request.Method.GET).path(path).build();
        DockerHttpClient.Response response;
        try {
            response = http.execute(request);
        } catch (RuntimeException e) {
            throw calls.unavailable(e);
        }
        int status = response.getStatusCode();
        if (status >= 400) {
            try (response; InputStream in = response.getBody()) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                throw failure(status, body, parse(body), kind, reference);
            } catch (IOException e) {
                throw calls.unavailable(e);
            }
        }
        return new OpenStream(response);
    }

    /** An Engine response being read; see {@link #open}. */
    public static final class OpenStream implements java.io.Closeable {
        private final DockerHttpClient.Response response;

        OpenStream(DockerHttpClient.Response response) {
            this.response = response;
        }

        public InputStream body() {
            return response.getBody();
        }

        @Override
        public void close() {
            try {
                response.close(); // the connection is dropped, not drained: the body may be endless
            } catch (RuntimeException ignored) {
                // already closed, or the Engine went away: either way nothing is left open
            }
        }
    }

    /** A path segment from user input, so that "a/../b" can never address another endpoint. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode exchange(DockerHttpClient.Request request, String kind, String reference) {
        int status;
        byte[] body;
        try (DockerHttpClient.Response response = http.execute(request); InputStream in = response.getBody()) {
            status = response.getStatusCode();
            body = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            throw calls.unavailable(e);
        }
        JsonNode json = parse(body);
        if (status >= 400) {
            throw failure(status, body, json, kind, reference);
        }
        return json;
    }

    /** The Engine's error: its JSON {@code message}, or the body as text when it sent no JSON. */
    private RuntimeException failure(int status, byte[] body, JsonNode json, String kind, String reference) {
        String message = json.path("message").asText(new String(body, StandardCharsets.UTF_8));
        return calls.fromEngine(status, message, kind, reference, null);
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
