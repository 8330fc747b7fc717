package dev.swarmmanager.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A black-box client of the deployed application, as a script or a JAX-RS client would use it. */
public final class Api {

    public static final String BASE = System.getProperty("swarm.it.base-url", "http://localhost:8080");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Api() {
    }

    /** An answer: its status, its raw body, and the body as JSON when it is JSON. */
    public record Answer(int status, String body, String contentType) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String error() {
            return json().getString("error");
        }
    }

    public static Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public static Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Answer put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new AssertionError("no answer from " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static URI uri(String path) {
        return URI.create(BASE + path);
    }
}
