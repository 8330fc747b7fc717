package dev.swarmmanager.it.security;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The hostile-input suite: every endpoint of the server's own OpenAPI document, called as an admin (who reaches
 * furthest) with odd and overlong names, path tricks, malformed, mistyped and oversized bodies, huge numbers, control
 * characters, bad headers and hostile Compose files. Every answer must be a clear 4xx in the error envelope, never a
 * 500; at the end the docker CLI shows nothing changed, every hostile deploy is in the audit log, and the server
 * still answers.
 */
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static List<String> endpoints;
    private static String servicesBefore;
    private static String alertSettingsBefore;
    private static final List<String> hostileStacks = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readEndpoints() {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) new Yaml()
                .<Map<String, Object>>load(Api.get("/openapi").body()).get("paths");
        endpoints = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> List.of("get", "put", "post", "delete", "patch").contains(m))
                .forEach(m -> endpoints.add(m.toUpperCase() + " " + path)));
        servicesBefore = services();
        alertSettingsBefore = alertSettings();
    }

    /** The alert rules and channels, by name: a hostile call must not have made one. */
    private static String alertSettings() {
        return Api.get("/api/swarm/alerts/rules").json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(r -> r.getString("name")).sorted().toList() + " "
                + Api.get("/api/swarm/alerts/channels").json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).sorted().toList();
    }

    @AfterAll
    static void nothingChangedAndTheServerAnswers() {
        assertThat(services()).as("the services, as the docker CLI lists them").isEqualTo(servicesBefore);
        assertThat(alertSettings()).as("the alert rules and channels").isEqualTo(alertSettingsBefore);
        assertThat(Api.get("/api/swarm/health").status()).isEqualTo(200);
        for (String stack : hostileStacks) {
            JsonObject page = Api.get("/api/swarm/audit?action=stacks.deploy&target=" + stack).json();
            assertThat(page.getInt("total")).as("the audit rows of the hostile deploy " + stack).isEqualTo(1);
            assertThat(page.getJsonArray("data").getJsonObject(0).getString("outcome")).isIn("failed", "denied");
        }
    }

    /** Path parameter values no object can have. */
    static final List<String> ODD_NAMES = List.of("a$b", "..", "%2e%2e%2f", "x".repeat(3000), "ü-ß", "a b", "a%00b",
            "😀", "-leading", "a/b", "${jndi:ldap://x}", "a\\b", "'; DROP TABLE swarm_audit; --", "\t", "a\u0007b");

    /** Bodies a JSON endpoint must refuse. */
    static final List<String> BAD_BODIES = List.of("", "{", "[]", "null", "\"text\"", "{\"replicas\":\"five\"}",
            "{\"replicas\":1e100000}", "{\"replicas\":-1}", "{\"replicas\":2.5}", "{\"replicas\":99999999999999999999}",
            "{\"image\":\"\"}", "{\"image\":\"" + "a".repeat(5000) + "\"}", "{\"availability\":\"sideways\"}",
            "{\"advertise_addr\":\"\\u0000\"}", "{\"force\":\"maybe\"}", "[".repeat(20_000) + "]".repeat(20_000),
            "{\"name\":\"" + "n".repeat(500) + "\",\"role\":\"god\",\"password\":1}", "{\"stack_name\":\"\\n\",\"stack_file\":7}",
            "{\"a\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5001));

    /** Compose files that must be refused without harm, each with the stack name it is sent under. */
    static Map<String, String> hostileYaml() {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder laughs = new StringBuilder("x-l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (int i = 1; i < 6; i++) { // 45 aliases (SnakeYAML allows 50), a million values once copied
            laughs.append("x-l").append(i).append(": &l").append(i).append(" [").append(("*l" + (i - 1) + ", ").repeat(9))
                    .append("*l").append(i - 1).append("]\n");
        }
        files.put("aliases", laughs + "services:\n  c:\n    image: ocr-worker:1.0\n    command: *l5\n");
        files.put("ports", "services:\n  c:\n    image: ocr-worker:1.0\n    ports: [\"1-65535:1-65535\"]\n");
        files.put("nested", "services:\n  c:\n    image: ocr-worker:1.0\n    environment: [\"A=" + "${X:-".repeat(200) + "}".repeat(200) + "\"]\n");
        files.put("longdefault", "services:\n  c:\n    image: ocr-worker:1.0\n    environment: [\"A=${X:-" + "a".repeat(200_000) + "}\"]\n    ports: [\"2377:80\"]\n");
        files.put("ulimit", "services:\n  c:\n    image: ocr-worker:1.0\n    ulimits:\n      nofile: {soft: 1}\n");
        files.put("tags", "services:\n  c:\n    image: !!java.lang.Runtime ocr-worker:1.0\n");
        files.put("dupkeys", "services:\n  c:\n    image: a\n    image: b\n");
        files.put("longkey", "services:\n  " + "k".repeat(3000) + ":\n    image: ocr-worker:1.0\n");
        files.put("deep", "services:\n  c:\n    image: ocr-worker:1.0\n    labels: " + "{a: ".repeat(200) + "1" + "}".repeat(200) + "\n");
        files.put("unknown", "services:\n  c:\n    imagee: ocr-worker:1.0\n");
        files.put("version", "version: '2'\nservices:\n  c:\n    image: ocr-worker:1.0\n");
        files.put("notyaml", "\u0000\u0001\u0002");
        files.put("tabs", "services:\n\tc:\n\t\timage: x\n");
        files.put("required", "services:\n  c:\n    image: ${IMAGE:?the image is required}\n");
        files.put("badimage", "services:\n  c:\n    image: \"UPPER CASE\"\n");
        files.put("replicas", "services:\n  c:\n    image: ocr-worker:1.0\n    deploy: {replicas: 1e400}\n");
        files.put("secretfile", "services:\n  c:\n    image: ocr-worker:1.0\n    secrets: [s]\nsecrets:\n  s:\n    file: /etc/shadow\n");
        files.put("reserved", "services:\n  c:\n    image: ocr-worker:1.0\n    ports: [\"7946:80\"]\n");
        files.put("noservices", "services: {}\n");
        files.put("empty", "");
        return files;
    }

    @TestFactory
    Stream<DynamicTest> oddNamesInEveryPathAreRefusedClearly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (!endpoint.contains("{")) {
                continue;
            }
            for (String name : ODD_NAMES) {
                tests.add(DynamicTest.dynamicTest(endpoint + " with " + shown(name), () ->
                        assertClear(send(endpoint + " with " + shown(name), fill(endpoint, name), bodyFor(endpoint), "application/json", null))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> malformedBodiesAreRefusedClearly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (endpoint.startsWith("GET") || endpoint.startsWith("DELETE")) {
                continue;
            }
            for (String body : BAD_BODIES) {
                tests.add(DynamicTest.dynamicTest(endpoint + " with " + shown(body), () ->
                        assertClear(send(endpoint, fill(endpoint, "hostile-" + RUN), body, "application/json", null))));
            }
            tests.add(DynamicTest.dynamicTest(endpoint + " as text/plain", () ->
                    assertClear(send(endpoint, fill(endpoint, "hostile-" + RUN), "{}", "text/plain", null))));
            tests.add(DynamicTest.dynamicTest(endpoint + " with 5 MiB", () -> {
                Answer answer = send(endpoint, fill(endpoint, "hostile-" + RUN), "{\"x\":\"" + "a".repeat(5 << 20) + "\"}",
                        "application/json", null);
                assertClear(answer);
                assertThat(answer.status()).isEqualTo(413);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> badHeadersAreRefusedClearly() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("Basic a", "Basic a");
        authorizations.put("Basic without colon", "Basic " + java.util.Base64.getEncoder().encodeToString("admin".getBytes()));
        authorizations.put("Bearer garbage", "Bearer a.b.c");
        authorizations.put("Bearer empty", "Bearer ");
        authorizations.put("unknown scheme", "Negotiate abc");
        authorizations.put("overlong", "Bearer " + "x".repeat(6000));
        for (String endpoint : List.of("GET /swarm/services", "POST /swarm/services/{name}/scale", "GET /swarm/events")) {
            authorizations.forEach((label, value) -> tests.add(DynamicTest.dynamicTest(endpoint + " with Authorization " + label, () -> {
                Answer answer = send(endpoint, fill(endpoint, "hostile-" + RUN), bodyFor(endpoint), "application/json", value);
                assertClear(answer);
                assertThat(answer.status()).isEqualTo(401);
            })));
        }
        tests.add(DynamicTest.dynamicTest("GET /swarm/events with an odd Last-Event-ID", () -> {
            Answer answer = send("GET /swarm/events?last_event_id=99999999999999999999999", "/api/swarm/events?last_event_id=99999999999999999999999",
                    null, null, Api.adminAuthorization());
            assertThat(answer.status()).isEqualTo(200);
        }));
        tests.add(DynamicTest.dynamicTest("GET /swarm/audit with odd filters", () -> {
            for (String query : List.of("page=-1", "size=100000", "from=yesterday", "to=2026-13-45T99:00:00Z", "outcome=%00",
                    "user=" + "%25".repeat(100), "page=99999999999")) {
                assertClear(send("GET /swarm/audit", "/api/swarm/audit?" + query, null, null, Api.adminAuthorization()), 200);
            }
        }));
        for (String list : List.of("/swarm/services", "/swarm/nodes", "/swarm/stacks", "/swarm/nodes/manager1/tasks")) {
            tests.add(DynamicTest.dynamicTest("GET " + list + " with odd sort, page and size", () -> {
                for (String query : List.of("page=-1", "size=100000", "size=0", "page=99999999999", "page=2147483647&size=500",
                        "sort=%00", "sort=-", "sort=" + "x".repeat(5000), "sort=name%0d%0aX-Injected:1", "page=abc")) {
                    Answer answer = send("GET " + list, "/api" + list + "?" + query, null, null, Api.adminAuthorization());
                    assertClear(answer, 200); // an empty page past the end is an answer; anything else a 4xx
                    assertThat(answer.body()).as(list + "?" + query).doesNotContain("x".repeat(100)); // the bad value not echoed whole
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> hostileComposeFilesChangeNothing() {
        return hostileYaml().entrySet().stream().map(file -> DynamicTest.dynamicTest("deploy-stack: " + file.getKey(), () -> {
            String stack = "hostile-" + file.getKey() + "-" + RUN;
            hostileStacks.add(stack);
            Answer answer = send("POST /swarm/deploy-stack", "/api/swarm/deploy-stack?stack_name=" + stack, file.getValue(),
                    "application/yaml", Api.adminAuthorization());
            assertClear(answer);
            assertThat(answer.status()).isIn(400, 409);
            assertThat(answer.body().length()).as("a message, not an echo of the file").isLessThan(2000);
        }));
    }

    /** One Compose service sent to be created, hostile in the ways a file can be: refused, nothing created. */
    @TestFactory
    Stream<DynamicTest> hostileComposeServicesChangeNothing() {
        Map<String, String> services = new LinkedHashMap<>();
        hostileYaml().forEach((name, file) -> {
            int at = file.indexOf("\n  c:\n");
            if (at >= 0) { // the file's one service, as the service's own document
                String service = file.substring(at + "\n  c:\n".length()).replaceAll("(?m)^    ", "");
                services.put(name, file.substring(0, at).replace("services:", "") + service);
            }
        });
        services.put("services-key", "services: {c: {image: ocr-worker:1.0}}");
        services.put("list", "[image, ocr-worker:1.0]");
        return services.entrySet().stream().map(service -> DynamicTest.dynamicTest("create service: " + service.getKey(), () -> {
            String body = Json.createObjectBuilder().add("name", "hostile-" + RUN).add("service", service.getValue()).build().toString();
            Answer answer = send("POST /swarm/services", "/api/swarm/services", body, "application/json", Api.adminAuthorization());
            assertClear(answer);
            assertThat(answer.status()).isIn(400, 409, 413);
            assertThat(answer.body().length()).as("a message, not an echo of the service").isLessThan(2000);
        }));
    }

    record Answer(String endpoint, int status, String body, String contentType) {
    }

    /** A clear refusal: a 4xx (or one of {@code allowed}), in the error envelope with a message; never a 500. */
    private static void assertClear(Answer answer, int... allowed) {
        for (int ok : allowed) {
            if (answer.status() == ok) {
                return;
            }
        }
        if (answer.body().isEmpty() && answer.endpoint().contains("'..'")) {
            // A dot segment is resolved by the container before any application sees the request; some such paths it
            // answers itself, empty (a 200 for /api/swarm/services/..): no application code runs, nothing changes.
            return;
        }
        assertThat(answer.status()).as(answer.endpoint() + " → " + answer.body()).isBetween(400, 499);
        if (answer.status() == 400 && answer.body().isEmpty() && answer.endpoint().contains("\\")) {
            return; // the HTTP connector refuses an encoded backslash in a path before any application sees it
        }
        if ("liberty".equals(Api.SERVER) && answer.status() == 400 && answer.endpoint().contains("?") // shown() for a control character
                && answer.body().contains("CWWWC0005I")) {
            return; // so does Open Liberty's with a control character, with a page of its own ("improperly encoded")
        }
        assertThat(answer.contentType()).as(answer.endpoint()).startsWith("application/json");
        JsonObject json = Json.createReader(new StringReader(answer.body())).readObject();
        assertThat(json.getBoolean("success")).isFalse();
        assertThat(json.getString("error")).isNotBlank();
        assertThat(answer.body().length()).as("a short message, not an echo of the input").isLessThan(3000);
    }

    private static Answer send(String endpoint, String path, String body, String contentType, String authorization) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
        }
        if (body != null && body.length() > (64 << 10)) {
            request.expectContinue(true); // as curl does for large uploads: the server may refuse before the body is sent
        }
        request.header("Authorization", authorization == null ? Api.adminAuthorization() : authorization);
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            String text;
            try (InputStream in = response.body()) {
                // A stream that was accepted (the change feed) is not read: its status says enough.
                text = type.startsWith("text/event-stream") ? "" : new String(in.readNBytes(64 << 10), StandardCharsets.UTF_8);
            }
            return new Answer(endpoint, response.statusCode(), text, response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new AssertionError(endpoint + ": no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String fill(String endpoint, String name) {
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "/api" + endpoint.substring(endpoint.indexOf(' ') + 1).replace("{node_id}", encoded).replace("{name}", encoded)
                .replace("{role}", encoded).replace("{user}", encoded).replace("{version}", encoded);
    }

    /** A well-formed body for the endpoint, so that the name is what is wrong. */
    private static String bodyFor(String endpoint) {
        if (endpoint.startsWith("GET") || endpoint.startsWith("DELETE")) {
            return null;
        }
        if (endpoint.endsWith("/scale")) {
            return "{\"replicas\":1}";
        }
        if (endpoint.equals("PUT /swarm/alerts/rules/{name}")) {
            return "{\"condition\":\"node-down\"}";
        }
        if (endpoint.equals("PUT /swarm/alerts/rules/{name}/silence")) {
            return "{\"seconds\":3600}";
        }
        if (endpoint.equals("PUT /swarm/alerts/channels/{name}")) {
            return "{\"type\":\"webhook\",\"target\":\"http://127.0.0.1:9/hook\"}";
        }
        if (endpoint.startsWith("PUT /swarm/scaling-policies")) {
            return "{\"min_replicas\":1,\"max_replicas\":2,\"metric\":\"cpu\",\"target\":50}";
        }
        if (endpoint.startsWith("PATCH")) {
            return "{\"changes\":{\"user\":\"nobody\"}}";
        }
        if (endpoint.equals("POST /swarm/services")) {
            return "{\"name\":\"hostile-" + RUN + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"networks\":[\"hostile-none\"]}}";
        }
        if (endpoint.endsWith("/image")) {
            return "{\"image\":\"ocr-worker:1.0\"}";
        }
        if (endpoint.endsWith("/availability")) {
            return "{\"availability\":\"active\"}";
        }
        if (endpoint.endsWith("/role")) {
            return "{\"role\":\"worker\"}";
        }
        if (endpoint.endsWith("/labels")) {
            return "{\"labels\":{}}";
        }
        if (endpoint.endsWith("/password")) {
            return "{\"password\":\"a long enough passphrase\"}";
        }
        return "{\"enabled\":true}";
    }

    private static String shown(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? "'" + printable + "'" : "'" + printable.substring(0, 40) + "…' (" + value.length() + " chars)";
    }

    private static String services() {
        return docker("service", "ls", "--format", "{{.Name}} {{.Image}} {{.Replicas}}").lines()
                .filter(line -> !line.startsWith("pol-") && !line.startsWith("ui")).sorted().reduce("", (a, b) -> a + b + "\n");
    }
}
