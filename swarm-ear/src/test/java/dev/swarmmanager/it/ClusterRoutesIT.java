package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.dockerOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/clusters/{cluster}/swarm/...}: the operations of {@code /api/swarm/...} on a registered Swarm, the
 * lab's other1 reached over TLS. The docker CLI on other1 is the witness of each change, and the default Swarm
 * (manager1) of each change that must not happen there.
 */
class ClusterRoutesIT {

    private static final String CLUSTER = Lab.uniqueName("site");
    private static final String ROUTE = "/api/clusters/" + CLUSTER + "/swarm";

    private final Api admin = Api.as(User.ADMIN);
    private final Api operator = Api.as(User.OPERATOR);
    private String service;

    @BeforeAll
    static void register() {
        IdentityProvider.start();
        Api.Answer registered = Api.as(User.ADMIN).call("PUT", "/api/swarm/clusters/" + CLUSTER, ClustersIT.tlsBody("client"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    }

    @AfterAll
    static void unregister() {
        Api.as(User.ADMIN).call("DELETE", "/api/swarm/clusters/" + CLUSTER, null);
    }

    @AfterEach
    void cleanUp() {
        try {
            dockerOn("other1", "info", "--format", "{{.Swarm.LocalNodeState}}");
        } catch (AssertionError stopped) {
            Lab.lab("start", "other1"); // the test that stops it failed before starting it again
        }
        if (service != null) {
            try {
                dockerOn("other1", "service", "rm", service);
            } catch (AssertionError gone) {
                // removed by the test
            }
        }
    }

    private static List<String> servicesOnOther1() {
        return Arrays.asList(dockerOn("other1", "service", "ls", "--format", "{{.Name}}").split("\n"));
    }

    private static List<JsonObject> data(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    @Test
    void aServiceIsMadeScaledAndRemovedOnTheClusterThePathNames() {
        service = Lab.uniqueName("routed");
        Api.Answer created = operator.call("POST", ROUTE + "/services", "{\"name\":\"" + service + "\",\"service\":{\"image\":\"ocr-worker:1.0\","
                + "\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":1}}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).isEqualTo(Api.BASE + ROUTE + "/services/" + service);
        assertThat(servicesOnOther1()).contains(service);
        assertThat(Lab.docker("service", "ls", "--format", "{{.Name}}")).as("nothing made on the default Swarm").doesNotContain(service);
        assertThat(Api.get("/api/swarm/services/" + service).status()).as("the default routes do not know it").isEqualTo(404);

        List<JsonObject> listed = data(admin.call("GET", ROUTE + "/services", null));
        assertThat(listed).extracting(s -> s.getString("name")).as("read back at once from other1's mirror").contains(service);
        Lab.await(Duration.ofSeconds(30), () -> data(admin.call("GET", ROUTE + "/services", null)).stream().map(s -> s.getString("name"))
                .collect(java.util.stream.Collectors.toSet()).equals(new java.util.HashSet<>(servicesOnOther1())),
                () -> "other1's list as the docker CLI gives it");
        assertThat(admin.call("GET", ROUTE + "/services/" + service, null).json().getJsonObject("data").getString("id"))
                .isEqualTo(dockerOn("other1", "service", "inspect", service, "--format", "{{.ID}}"));

        Api.Answer scaled = operator.call("POST", ROUTE + "/services/" + service + "/scale", "{\"replicas\":2}");
        assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
        assertThat(dockerOn("other1", "service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("2");
        JsonObject entry = audit("services.scale", service).get(0);
        assertThat(entry.getString("outcome")).isEqualTo("succeeded");
        assertThat(entry.getString("cluster")).as("the audit log says on which Swarm").isEqualTo(CLUSTER);

        Lab.await(Duration.ofSeconds(30), () -> data(admin.call("GET", ROUTE + "/services/" + service + "/tasks", null)).stream()
                .filter(t -> t.getString("state").equals("running")).count() == 2, () -> "two tasks running on other1");

        Api.Answer removed = admin.call("DELETE", ROUTE + "/services/" + service, null);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(servicesOnOther1()).doesNotContain(service);
        assertThat(audit("services.remove", service).get(0).getString("cluster")).isEqualTo(CLUSTER);
    }

    @Test
    void theSwarmItsNodesAndItsHealthAreThoseOfTheCluster() {
        JsonObject info = admin.call("GET", ROUTE + "/info", null).json().getJsonObject("data");
        assertThat(info.getString("cluster_id")).isEqualTo(dockerOn("other1", "info", "--format", "{{.Swarm.Cluster.ID}}"));
        assertThat(Api.get("/api/swarm/info").json().getJsonObject("data").getString("cluster_id"))
                .isEqualTo(Lab.docker("info", "--format", "{{.Swarm.Cluster.ID}}"));

        assertThat(data(admin.call("GET", ROUTE + "/nodes", null))).extracting(n -> n.getString("hostname"))
                .containsExactly(dockerOn("other1", "node", "ls", "--format", "{{.Hostname}}"));
        assertThat(data(admin.call("GET", "/api/clusters/default/swarm/nodes", null))).as("default is the server's own Swarm")
                .hasSize(3);

        Lab.await(Duration.ofSeconds(30), () -> !admin.call("GET", ROUTE + "/health", null).json().getJsonObject("data").getBoolean("stale"),
                () -> CLUSTER + " checked");
        JsonObject health = admin.call("GET", ROUTE + "/health", null).json().getJsonObject("data");
        assertThat(health.getJsonObject("node_health").getInt("total")).isEqualTo(1);
        assertThat(Api.get("/api/swarm/health").json().getJsonObject("data").getJsonObject("node_health").getInt("total")).isEqualTo(3);
    }

    @Test
    void aStackIsDeployedOnTheClusterAndItsVersionsAreKeptAsItsOwn() {
        String stack = Lab.uniqueName("st");
        String file = "services:\n  worker:\n    image: ocr-worker:1.0\n    deploy:\n      replicas: 1\n";
        try {
            Api.Answer deployed = operator.call("POST", ROUTE + "/deploy-stack", jakarta.json.Json.createObjectBuilder()
                    .add("stack_name", stack).add("stack_file", file).build().toString());
            assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
            assertThat(deployed.location()).isEqualTo(Api.BASE + ROUTE + "/stacks/" + stack);
            assertThat(dockerOn("other1", "stack", "services", stack, "--format", "{{.Name}}")).isEqualTo(stack + "_worker");
            assertThat(Lab.docker("stack", "ls", "--format", "{{.Name}}")).doesNotContain(stack);

            assertThat(data(admin.call("GET", ROUTE + "/stacks", null))).extracting(st -> st.getString("name")).contains(stack);
            assertThat(data(operator.call("GET", ROUTE + "/stacks/" + stack + "/versions", null))).hasSize(1);
            assertThat(data(operator.call("GET", "/api/swarm/stacks/" + stack + "/versions", null)))
                    .as("the default Swarm has no version of it").isEmpty();
        } finally {
            try {
                dockerOn("other1", "stack", "rm", stack);
            } catch (AssertionError gone) {
                // never deployed
            }
        }
    }

    @Test
    void logsAreReadAndFollowedOnTheCluster() throws Exception {
        service = Lab.uniqueName("ticker");
        dockerOn("other1", "service", "create", "--detach", "--name", service, "--replicas", "1", "--stop-grace-period", "1s",
                "ocr-worker:1.0", "sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done");
        Lab.await(Duration.ofSeconds(30), () -> admin.call("GET", ROUTE + "/services/" + service + "/logs?tail=3", null)
                .body().contains("tick"), () -> service + "'s lines read through " + ROUTE);

        HttpRequest request = HttpRequest.newBuilder(Api.uri(ROUTE + "/services/" + service + "/logs?follow=true&tail=0"))
                .header("Accept", "text/event-stream").header("Authorization", Api.authorization(User.OPERATOR))
                .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.startsWith("data: "));
            assertThat(line).as("a followed line").contains("tick");
        }
    }

    @Test
    void theClustersOwnFeedTellsWhatChangedThereAndTheDefaultFeedDoesNot() throws Exception {
        Lab.await(Duration.ofSeconds(30), () -> Metrics.sum(Metrics.text(), "swarm_docker_calls_total",
                "cluster=\"" + CLUSTER + "\"", "endpoint=\"GET /events\"") > 0, () -> "the events of " + CLUSTER + " followed");
        service = Lab.uniqueName("watched");
        String marker = Lab.uniqueName("marker");
        try (ChangeFeedIT.Stream there = new ChangeFeedIT.Stream(ROUTE + "/events", null).awaitConnected();
             ChangeFeedIT.Stream home = new ChangeFeedIT.Stream(null).awaitConnected()) {
            // made behind the application's back: only other1's event stream can tell its mirror
            dockerOn("other1", "service", "create", "--detach", "--name", service, "--replicas", "1", "ocr-worker:1.0");

            there.await(e -> e.type().equals("service") && e.change().getString("action").equals("created")
                    && e.change().getJsonObject("data").getString("name").equals(service), Duration.ofSeconds(30));
            assertThat(data(admin.call("GET", ROUTE + "/services", null))).extracting(s -> s.getString("name")).contains(service);
            String metrics = Metrics.text();
            String here = "cluster=\"" + CLUSTER + "\"";
            assertThat(Metrics.sum(metrics, "swarm_nodes", here)).as("other1's one node, under its own label").isEqualTo(1);
            assertThat(Metrics.sum(metrics, "swarm_service_replicas_desired", here, "service=\"" + service + "\"")).isEqualTo(1);
            assertThat(Metrics.sum(metrics, "swarm_service_replicas_desired", "cluster=\"default\"", "service=\"" + service + "\""))
                    .as("not the default Swarm's").isZero();

            Lab.createWorkerService(marker, 1);
            try {
                List<String> before = new java.util.ArrayList<>();
                while (true) {
                    ChangeFeedIT.Event e = home.next(Duration.ofSeconds(30));
                    String name = e.change().containsKey("data") && e.change().get("data") instanceof JsonObject data
                            && data.containsKey("name") ? data.getString("name") : "";
                    if (e.type().equals("service") && name.equals(marker)) {
                        break;
                    }
                    before.add(name);
                }
                assertThat(before).as("the default Swarm's feed, until its own change").doesNotContain(service);
            } finally {
                Lab.removeServiceQuietly(marker);
            }
        }
    }

    @Test
    void unknownClustersAndTheServersOwnPathsAreNotFoundAndRolesStillCount() {
        Api.Answer unknown = admin.call("GET", "/api/clusters/no-such-site/swarm/services", null);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.error()).contains("no-such-site");

        Api.Answer serverWide = admin.call("GET", ROUTE + "/audit", null);
        assertThat(serverWide.status()).as(serverWide.body()).isEqualTo(404);
        assertThat(serverWide.error()).contains("/api/swarm/");
        for (String walk : List.of("/services/../audit", "/services/%2e%2e/audit", "/services/%2E%2E/users")) {
            Api.Answer walked = admin.call("GET", ROUTE + walk, null);
            assertThat(walked.status()).as(walk + ": " + walked.body()).isEqualTo(404);
            assertThat(walked.body()).as("nothing of the server's own").doesNotContain("\"action\"");
        }

        assertThat(Api.anonymous().call("GET", ROUTE + "/services", null).status()).isEqualTo(401);

        service = Lab.uniqueName("guarded");
        dockerOn("other1", "service", "create", "--detach", "--name", service, "--replicas", "1", "ocr-worker:1.0");
        Api.Answer refused = Api.as(User.VIEWER).call("POST", ROUTE + "/services/" + service + "/scale", "{\"replicas\":3}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(dockerOn("other1", "service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("1");
        JsonObject denied = audit("services.scale", service).get(0);
        assertThat(denied.getString("outcome")).isEqualTo("denied");
        assertThat(denied.getString("cluster")).isEqualTo(CLUSTER);
    }

    @Test
    void aServiceThatCanNeverStartIsNotWaitedForAtEveryChangeElsewhereInItsCluster() {
        service = Lab.uniqueName("stuck");
        dockerOn("other1", "service", "create", "--detach", "--name", service, "--constraint", "node.labels.nowhere==true",
                "ocr-worker:1.0");
        String moving = Lab.uniqueName("moving");
        dockerOn("other1", "service", "create", "--detach", "--name", moving, "--replicas", "1", "--stop-grace-period", "1s",
                "ocr-worker:1.0");
        try {
            Lab.await(Duration.ofSeconds(30), () -> running(moving) == 1, () -> moving + " running in " + CLUSTER + "'s mirror");
            // A service just made is read again while it starts, for about 30 s (the stuck one): until only the
            // periodic reads are left (every 2 s on the test server, swarm.clusters.check-interval).
            Lab.await(Duration.ofSeconds(60), () -> readsWithin(4000) <= 3, () -> "the re-reads of " + CLUSTER + " ending");

            dockerOn("other1", "service", "scale", "--detach", moving + "=2");
            Lab.await(Duration.ofSeconds(30), () -> running(moving) == 2, () -> moving + " at 2 in " + CLUSTER + "'s mirror");
            Lab.sleep(2000);

            // Waiting for the stuck one too would re-read the cluster every 0.5 to 1 s for another 30 s.
            assertThat(readsWithin(6000)).as("whole reads of " + CLUSTER + " in 6 s once " + moving + " settled: the periodic"
                    + " ones (3)").isLessThanOrEqualTo(5);
        } finally {
            dockerOn("other1", "service", "rm", moving);
        }
    }

    /** How many times the cluster is read whole (its Engine's GET /info) in the next {@code millis}. */
    private static double readsWithin(long millis) {
        String here = "cluster=\"" + CLUSTER + "\"";
        double before = Metrics.sum(Metrics.text(), "swarm_docker_calls_total", here, "endpoint=\"GET /info\"");
        Lab.sleep(millis);
        return Metrics.sum(Metrics.text(), "swarm_docker_calls_total", here, "endpoint=\"GET /info\"") - before;
    }

    private int running(String name) {
        return data(admin.call("GET", ROUTE + "/services", null)).stream().filter(s -> s.getString("name").equals(name))
                .mapToInt(s -> s.getInt("running_replicas")).findFirst().orElse(-1);
    }

    @Test
    void aStoppedClusterAnswers503NamingItWhileTheDefaultAnswers() {
        Lab.lab("stop", "other1");
        try {
            // its mirror serves the last read until the event stream breaks or a check fails: then Docker is asked
            Lab.await(Duration.ofSeconds(30), () -> admin.call("GET", ROUTE + "/services", null).status() == 503,
                    () -> CLUSTER + " answering 503 once it is known to be down");
            Api.Answer down = admin.call("GET", ROUTE + "/services", null);
            assertThat(down.error()).contains("198.18.0.31");
            assertThat(Api.get("/api/swarm/services").status()).isEqualTo(200);
        } finally {
            Lab.lab("start", "other1");
        }
        Lab.await(Duration.ofSeconds(60), () -> admin.call("GET", ROUTE + "/services", null).status() == 200,
                () -> CLUSTER + " answers again by itself");
    }

    private static List<JsonObject> audit(String action, String target) {
        return data(Api.get("/api/swarm/audit?size=500&action=" + action + "&target=" + target));
    }
}
