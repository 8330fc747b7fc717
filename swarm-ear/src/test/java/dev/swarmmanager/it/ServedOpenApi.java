package dev.swarmmanager.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The OpenAPI document the server serves at {@code /openapi}, as a client or a linter reads it: without the
 * non-standard {@code endpoints} list Payara adds, and with each example Payara wrote as a string of JSON given as
 * that JSON. Run by the build once the server is up ({@code main}), to generate the client GeneratedClientIT uses.
 */
public final class ServedOpenApi {

    private ServedOpenApi() {
    }

    /** {@code ServedOpenApi BASE-URL FILE}: writes the served document to FILE, waiting up to a minute for it. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, fetch(args[0], Duration.ofMinutes(1)).toString());
        System.out.println("served OpenAPI document written to " + file);
    }

    public static JsonObject fetch(String base, Duration patience) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/openapi?format=json")).timeout(Duration.ofSeconds(60)).build();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return clean(Json.createReader(new StringReader(answer.body())).readObject());
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("GET /openapi answered " + answer.statusCode() + ": " + answer.body());
                }
            } catch (IOException unreachable) {
                if (System.nanoTime() > deadline) {
                    throw unreachable;
                }
            }
            Thread.sleep(1000);
        }
    }

    /** The document without Payara's {@code endpoints} and with its examples as JSON. */
    public static JsonObject clean(JsonObject served) {
        return (JsonObject) examplesAsJson(Json.createObjectBuilder(served).remove("endpoints").build());
    }

    /**
     * Payara writes every annotation's example as a string and drops references to component examples: each string
     * that holds JSON is given as that JSON, as the annotations mean it, so that a linter checks each example against
     * its schema. A string that is not JSON stays a string.
     */
    static JsonValue examplesAsJson(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder copy = Json.createObjectBuilder();
            object.forEach((key, member) -> {
                if (key.equals("examples") && member instanceof JsonObject examples) {
                    JsonObjectBuilder parsed = Json.createObjectBuilder();
                    examples.forEach((name, example) -> parsed.add(name, example instanceof JsonObject e && e.get("value") instanceof JsonString text
                            ? Json.createObjectBuilder(e).add("value", parsedOr(text)).build() : examplesAsJson(example)));
                    copy.add(key, parsed);
                } else {
                    copy.add(key, examplesAsJson(member));
                }
            });
            return copy.build();
        }
        if (value instanceof JsonArray array) {
            JsonArrayBuilder copy = Json.createArrayBuilder();
            array.forEach(item -> copy.add(examplesAsJson(item)));
            return copy.build();
        }
        return value;
    }

    private static JsonValue parsedOr(JsonString text) {
        String s = text.getString().strip();
        if (!(s.startsWith("{") || s.startsWith("["))) {
            return text;
        }
        try (JsonReader reader = Json.createReader(new StringReader(s))) {
            return reader.readValue();
        } catch (jakarta.json.JsonException notJson) {
            return text;
        }
    }
}
