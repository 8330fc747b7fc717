package dev.swarmmanager.it.security;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.Role;
import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.it.IdentityProvider.User;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Every endpoint of the API, as the deployed server's OpenAPI document lists them, called by no one, by a signed-in
 * user with no role, and by a viewer, an operator and an admin (bearer tokens from the test's provider). The rule
 * below says which role an endpoint needs; an endpoint without a rule fails the test, so a new endpoint cannot
 * ship without one. Calls aim at objects that do not exist (or that Docker refuses, like leaving the only manager),
 * so an allowed call ends in 404/400/409 and the lab is left alone: what counts is "not 401/403".
 */
class AuthorizationMatrixIT {

    /** "METHOD path" (as in the OpenAPI document) → the role it needs. */
    private static final Map<String, Role> RULES = new LinkedHashMap<>();

    static {
        RULES.put("GET /swarm/info", Role.VIEWER);
        RULES.put("POST /swarm/init", Role.ADMIN);
        RULES.put("POST /swarm/leave", Role.ADMIN);
        RULES.put("GET /swarm/join-token/{role}", Role.ADMIN);
        RULES.put("POST /swarm/join-token/{role}/rotate", Role.ADMIN);
        RULES.put("GET /swarm/nodes", Role.VIEWER);
        RULES.put("GET /swarm/nodes/{node_id}", Role.VIEWER);
        RULES.put("PUT /swarm/nodes/{node_id}/availability", Role.OPERATOR);
        RULES.put("DELETE /swarm/nodes/{node_id}", Role.ADMIN);
        RULES.put("PUT /swarm/nodes/{node_id}/role", Role.ADMIN);
        RULES.put("PUT /swarm/nodes/{node_id}/labels", Role.OPERATOR);
        RULES.put("GET /swarm/nodes/{node_id}/tasks", Role.VIEWER);
        RULES.put("GET /swarm/resources", Role.VIEWER);
        RULES.put("GET /swarm/history", Role.VIEWER);
        RULES.put("GET /swarm/scaling-policies", Role.VIEWER);
        RULES.put("GET /swarm/scaling-policies/{name}", Role.VIEWER);
        RULES.put("PUT /swarm/scaling-policies/{name}", Role.OPERATOR);
        RULES.put("DELETE /swarm/scaling-policies/{name}", Role.OPERATOR);
        RULES.put("GET /swarm/scaling-policies/{name}/decisions", Role.VIEWER);
        RULES.put("GET /swarm/alerts", Role.VIEWER);
        RULES.put("GET /swarm/alerts/rules", Role.VIEWER);
        RULES.put("GET /swarm/alerts/rules/{name}", Role.VIEWER);
        RULES.put("PUT /swarm/alerts/rules/{name}", Role.ADMIN);
        RULES.put("DELETE /swarm/alerts/rules/{name}", Role.ADMIN);
        RULES.put("PUT /swarm/alerts/rules/{name}/silence", Role.OPERATOR);
        RULES.put("DELETE /swarm/alerts/rules/{name}/silence", Role.OPERATOR);
        RULES.put("GET /swarm/clusters", Role.VIEWER);
        RULES.put("GET /swarm/clusters/{name}", Role.VIEWER);
        RULES.put("PUT /swarm/clusters/{name}", Role.ADMIN);
        RULES.put("DELETE /swarm/clusters/{name}", Role.ADMIN);
        RULES.put("GET /swarm/alerts/channels", Role.ADMIN);
        RULES.put("GET /swarm/alerts/channels/{name}", Role.ADMIN);
        RULES.put("PUT /swarm/alerts/channels/{name}", Role.ADMIN);
        RULES.put("DELETE /swarm/alerts/channels/{name}", Role.ADMIN);
        RULES.put("POST /swarm/alerts/channels/{name}/test", Role.ADMIN);
        RULES.put("GET /swarm/resources/services/{name}/headroom", Role.VIEWER);
        RULES.put("GET /swarm/resources/services/{name}/usage", Role.VIEWER);
        RULES.put("GET /swarm/services", Role.VIEWER);
        RULES.put("GET /swarm/services/{name}", Role.VIEWER);
        RULES.put("POST /swarm/services", Role.OPERATOR);
        RULES.put("GET /swarm/services/{name}/spec", Role.VIEWER);
        RULES.put("PATCH /swarm/services/{name}", Role.OPERATOR);
        RULES.put("POST /swarm/services/{name}/rollback", Role.OPERATOR);
        RULES.put("POST /swarm/services/{name}/redeploy", Role.OPERATOR);
        RULES.put("GET /swarm/services/{name}/compose", Role.OPERATOR);
        RULES.put("GET /swarm/stacks/{name}/compose", Role.OPERATOR);
        RULES.put("GET /swarm/export", Role.OPERATOR);
        RULES.put("GET /swarm/stacks/{name}/versions", Role.OPERATOR);
        RULES.put("GET /swarm/stacks/{name}/versions/{version}", Role.OPERATOR);
        RULES.put("GET /swarm/stacks/{name}/versions/{version}/diff", Role.OPERATOR);
        RULES.put("POST /swarm/stacks/{name}/versions/{version}/redeploy", Role.OPERATOR);
        RULES.put("GET /swarm/secrets", Role.VIEWER);
        RULES.put("POST /swarm/secrets", Role.OPERATOR);
        RULES.put("GET /swarm/secrets/{name}", Role.VIEWER);
        RULES.put("DELETE /swarm/secrets/{name}", Role.ADMIN);
        RULES.put("POST /swarm/secrets/{name}/rotate", Role.OPERATOR);
        RULES.put("GET /swarm/configs", Role.VIEWER);
        RULES.put("POST /swarm/configs", Role.OPERATOR);
        RULES.put("GET /swarm/configs/{name}", Role.VIEWER);
        RULES.put("DELETE /swarm/configs/{name}", Role.ADMIN);
        RULES.put("POST /swarm/configs/{name}/rotate", Role.OPERATOR);
        RULES.put("GET /swarm/networks", Role.VIEWER);
        RULES.put("POST /swarm/networks", Role.OPERATOR);
        RULES.put("DELETE /swarm/networks/{name}", Role.ADMIN);
        RULES.put("GET /swarm/templates", Role.VIEWER);
        RULES.put("POST /swarm/templates", Role.OPERATOR);
        RULES.put("GET /swarm/templates/{name}", Role.VIEWER);
        RULES.put("DELETE /swarm/templates/{name}", Role.OPERATOR);
        RULES.put("GET /swarm/templates/{name}/versions", Role.VIEWER);
        RULES.put("POST /swarm/templates/{name}/services", Role.OPERATOR);
        RULES.put("POST /swarm/services/{name}/scale", Role.OPERATOR);
        RULES.put("PUT /swarm/services/{name}/image", Role.OPERATOR);
        RULES.put("DELETE /swarm/services/{name}", Role.ADMIN);
        RULES.put("GET /swarm/services/{name}/tasks", Role.VIEWER);
        RULES.put("GET /swarm/services/{name}/logs", Role.OPERATOR);
        RULES.put("POST /swarm/deploy-stack", Role.OPERATOR);
        RULES.put("GET /swarm/stacks", Role.VIEWER);
        RULES.put("GET /swarm/stacks/{name}", Role.VIEWER);
        RULES.put("DELETE /swarm/stacks/{name}", Role.ADMIN);
        RULES.put("GET /swarm/health", Role.VIEWER);
        RULES.put("GET /swarm/statistics", Role.VIEWER);
        RULES.put("GET /swarm/events", Role.VIEWER);
        RULES.put("GET /swarm/audit", Role.ADMIN);
        RULES.put("GET /swarm/policy", Role.VIEWER);
        RULES.put("GET /swarm/users", Role.ADMIN);
        RULES.put("POST /swarm/users", Role.ADMIN);
        RULES.put("PUT /swarm/users/{user}", Role.ADMIN);
        RULES.put("DELETE /swarm/users/{user}", Role.ADMIN);
        RULES.put("POST /swarm/users/{user}/password", Role.ADMIN);
    }

    /** Bodies that are well formed but aimed at nothing that exists. */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("POST /swarm/init", "{\"advertise_addr\":\"127.0.0.1\"}"),
            Map.entry("POST /swarm/leave", "{\"force\":false}"),
            Map.entry("PUT /swarm/nodes/{node_id}/availability", "{\"availability\":\"active\"}"),
            Map.entry("PUT /swarm/scaling-policies/{name}", "{\"min_replicas\":1,\"max_replicas\":2,\"metric\":\"cpu\",\"target\":50}"),
            Map.entry("PUT /swarm/nodes/{node_id}/role", "{\"role\":\"worker\"}"),
            // A rule and a channel that cannot be kept (a node rule narrowed to a service, a file URL): nothing is created.
            Map.entry("PUT /swarm/alerts/rules/{name}", "{\"condition\":\"node-down\",\"service\":\"matrix-nothing\"}"),
            Map.entry("PUT /swarm/alerts/rules/{name}/silence", "{\"seconds\":3600}"),
            Map.entry("PUT /swarm/alerts/channels/{name}", "{\"type\":\"webhook\",\"target\":\"file:///etc/passwd\"}"),
            Map.entry("PUT /swarm/nodes/{node_id}/labels", "{\"labels\":{}}"),
            // A host that is no Docker host: refused before any connection, nothing registered.
            Map.entry("PUT /swarm/clusters/{name}", "{\"docker_host\":\"http://matrix-nothing\"}"),
            Map.entry("POST /swarm/services/{name}/scale", "{\"replicas\":1}"),
            // JSON as a client sends it: RESTEasy (Open Liberty) refuses a body-less POST to a JSON endpoint (415)
            // before the role is checked, Jersey (Payara) after.
            Map.entry("POST /swarm/stacks/{name}/versions/{version}/redeploy", "{}"),
            Map.entry("PUT /swarm/services/{name}/image", "{\"image\":\"ocr-worker:1.0\"}"),
            Map.entry("POST /swarm/services", "{\"name\":\"matrix-nothing\",\"service\":{\"image\":\"ocr-worker:1.0\",\"networks\":[\"matrix-no-such-net\"]}}"),
            Map.entry("PATCH /swarm/services/{name}", "{\"changes\":{\"user\":\"nobody\"}}"),
            Map.entry("POST /swarm/secrets", "{\"name\":\"matrix bad name\",\"data\":\"x\"}"),
            Map.entry("POST /swarm/configs", "{\"name\":\"matrix bad name\",\"data\":\"x\"}"),
            Map.entry("POST /swarm/secrets/{name}/rotate", "{\"data\":\"x\"}"),
            Map.entry("POST /swarm/configs/{name}/rotate", "{\"data\":\"x\"}"),
            Map.entry("POST /swarm/networks", "{\"name\":\"matrix bad name\"}"),
            Map.entry("POST /swarm/templates", "{\"name\":\"matrix-nothing\",\"from_service\":\"matrix-no-such-service\"}"),
            Map.entry("POST /swarm/templates/{name}/services", "{\"name\":\"matrix-nothing\"}"),
            Map.entry("POST /swarm/deploy-stack", "{\"stack_name\":\"matrix-nothing\",\"stack_file\":\"services: [not valid\"}"),
            Map.entry("POST /swarm/users", "{\"name\":\"matrix-nobody\",\"role\":\"viewer\",\"password\":\"x\"}"),
            Map.entry("PUT /swarm/users/{user}", "{\"enabled\":false}"),
            Map.entry("POST /swarm/users/{user}/password", "{\"password\":\"x\"}"));

    // HTTP/1.1 as browsers speak it on plain http: Java's client would otherwise ask to upgrade to h2c, and an h2c
    // connection Payara closed under a reused stream failed a CI run with "EOF reached while reading"
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static List<String> endpoints;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readEndpoints() {
        Map<String, Object> document = new Yaml().load(Api.get("/openapi").body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        endpoints = new ArrayList<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> List.of("get", "put", "post", "delete", "patch").contains(m))
                .forEach(m -> endpoints.add(m.toUpperCase() + " " + path)));
        IdentityProvider.start();
    }

    @Test
    void everyEndpointHasARuleAndEveryRuleAnEndpoint() {
        assertThat(new TreeSet<>(endpoints)).as("endpoints in /openapi").isEqualTo(new TreeSet<>(RULES.keySet()));
    }

    @TestFactory
    Stream<DynamicTest> eachEndpointAnswersEachCallerAsItsRuleSays() {
        Map<User, String> tokens = new LinkedHashMap<>();
        for (User user : List.of(User.VIEWER, User.OPERATOR, User.ADMIN)) {
            tokens.put(user, Api.authorization(user));
        }
        String nobody = Api.LOCAL_SIGN_IN ? null : "Bearer " + IdentityProvider.token(User.NOBODY); // local accounts have a role
        return endpoints.stream().flatMap(endpoint -> {
            Role needed = RULES.get(endpoint);
            List<DynamicTest> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest(endpoint + " anonymous → 401", () ->
                    assertThat(status(endpoint, null)).as(endpoint + " anonymous").isEqualTo(401)));
            if (nobody != null) {
                tests.add(DynamicTest.dynamicTest(endpoint + " no role → 403", () ->
                        assertThat(status(endpoint, nobody)).as(endpoint + " no role").isEqualTo(403)));
            }
            for (User user : List.of(User.VIEWER, User.OPERATOR, User.ADMIN)) {
                Role role = Role.valueOf(user.name());
                boolean allowed = needed != null && role.compareTo(needed) >= 0;
                tests.add(DynamicTest.dynamicTest(endpoint + " " + role + (allowed ? " → allowed" : " → 403"), () -> {
                    int status = status(endpoint, tokens.get(user));
                    if (allowed) {
                        assertThat(status).as(endpoint + " " + role).isNotIn(401, 403).isLessThan(500);
                    } else {
                        assertThat(status).as(endpoint + " " + role).isEqualTo(403);
                    }
                }));
            }
            return tests.stream();
        });
    }

    @Test
    void anOperatorLabelsWorkersButNotManagers() {
        // A label on a manager would let a placement constraint bring an operator's workload onto the managers.
        String operator = Api.authorization(User.OPERATOR);
        assertThat(status("PUT", "/swarm/nodes/manager1/labels", "{\"labels\":{\"zone\":\"eu\"}}", operator)).isEqualTo(403);
        assertThat(status("PUT", "/swarm/nodes/worker2/labels", "{\"labels\":{}}", operator)).isEqualTo(200);
        assertThat(docker("node", "inspect", "manager1", "--format", "{{range $k, $v := .Spec.Labels}}{{$k}};{{end}}")).isEmpty();
    }

    @Test
    void aTokenForAnotherAudienceOrExpiredOrFromAnotherIssuerIsRefused() {
        org.junit.jupiter.api.Assumptions.assumeFalse(Api.LOCAL_SIGN_IN, "bearer tokens are for single sign-on");
        String otherAudience = IdentityProvider.token("ada", List.of("swarm-admins"), "another-app", 3600);
        String expired = IdentityProvider.token("ada", List.of("swarm-admins"), IdentityProvider.CLIENT_ID, -120);
        assertThat(status("GET /swarm/services", "Bearer " + otherAudience)).isEqualTo(401);
        assertThat(status("GET /swarm/services", "Bearer " + expired)).isEqualTo(401);
        assertThat(status("GET /swarm/services", "Bearer not.a.token")).isEqualTo(401);
        assertThat(status("GET /swarm/services", "Bearer " + IdentityProvider.tokenFromAnotherIssuer(User.ADMIN))).isEqualTo(401);
    }

    /** The status of one call; streams (the change feed) are closed as soon as the status is in. */
    private static int status(String endpoint, String authorization) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replace("{node_id}", "matrix-no-such-node").replace("{name}", "matrix-no-such-thing")
                .replace("{role}", "worker").replace("{user}", "matrix-no-such-user").replace("{version}", "1");
        return status(method, path, BODIES.get(endpoint), authorization);
    }

    private static int status(String method, String path, String body, String authorization) {
        String endpoint = method + " " + path;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Api.BASE + "/api" + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (java.io.IOException e) {
            throw new AssertionError(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
