package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the specification on the deployed EAR, with the docker CLI as the independent witness,
 * and the error cases a client meets: unknown names, invalid values, malformed JSON.
 */
class SwarmApiIT {

    private String service;

    @BeforeEach
    void createService() {
        service = Lab.uniqueName("api");
        Lab.createWorkerService(service, 1);
        Api.awaitListed(service, 1);
    }

    @AfterEach
    void removeService() {
        Lab.removeServiceQuietly(service);
    }

    @Test
    void getSwarmInfoEndpoint() {
        Api.Answer answer = Api.get("/api/swarm/info");
        assertThat(answer.status()).isEqualTo(200);
        JsonObject data = answer.json().getJsonObject("data");
        assertThat(answer.json().getBoolean("success")).isTrue();
        assertThat(data.getString("cluster_id")).isEqualTo(docker("info", "--format", "{{.Swarm.Cluster.ID}}"));
        assertThat(data.getString("local_node_state")).isEqualTo("active");
        assertThat(data.getInt("nodes")).isEqualTo(3);
        assertThat(data.containsKey("join_tokens")).isFalse();
    }

    @Test
    void listNodesEndpoint() {
        Api.Answer answer = Api.get("/api/swarm/nodes");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getInt("count")).isEqualTo(3);
        assertThat(answer.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .extracting(n -> n.getString("hostname")).containsExactly("manager1", "worker1", "worker2");
    }

    @Test
    void inspectNodeEndpoint() {
        Api.Answer answer = Api.get("/api/swarm/nodes/worker1");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonObject("data").getString("id"))
                .isEqualTo(docker("node", "inspect", "worker1", "--format", "{{.ID}}"));
        assertThat(Api.get("/api/swarm/nodes/ghost").status()).isEqualTo(404);
    }

    @Test
    void updateNodeAvailabilityEndpoint() {
        try {
            Api.Answer answer = Api.put("/api/swarm/nodes/worker1/availability", "{\"availability\": \"drain\"}");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().getJsonObject("data").getString("availability")).isEqualTo("drain");
            assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Availability}}")).isEqualTo("drain");

            Api.Answer invalid = Api.put("/api/swarm/nodes/worker1/availability", "{\"availability\": \"off\"}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.error()).isEqualTo("availability must be one of active, pause, drain (got 'off')");
            assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Availability}}")).isEqualTo("drain");
        } finally {
            Api.put("/api/swarm/nodes/worker1/availability", "{\"availability\": \"active\"}");
        }
        assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Availability}}")).isEqualTo("active");
    }

    @Test
    void removeNodeEndpointRefusesTheLastManagerAndALiveNode() {
        Api.Answer manager = Api.delete("/api/swarm/nodes/manager1?force=true");
        assertThat(manager.status()).isEqualTo(409);
        assertThat(manager.error()).contains("last manager");
        Api.Answer alive = Api.delete("/api/swarm/nodes/worker1");
        assertThat(alive.status()).isEqualTo(409);
        assertThat(alive.error()).contains("not down");
        assertThat(Api.delete("/api/swarm/nodes/worker1?force=maybe").status()).isEqualTo(400);
        assertThat(docker("node", "ls", "-q").lines().count()).isEqualTo(3);
    }

    @Test
    void nodeRoleAndLabelsEndpoints() {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        Api.Answer last = Api.put("/api/swarm/nodes/manager1/role", "{\"role\": \"worker\"}");
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.error()).isEqualTo("node manager1 is the last manager: without a manager there is no Swarm to manage");
        assertThat(Api.put("/api/swarm/nodes/worker1/role", "{}").error())
                .isEqualTo("role is required, for example \"manager\" (manager or worker)");
        assertThat(docker("node", "ls", "--filter", "role=manager", "--format", "{{.Hostname}}")).isEqualTo("manager1");
        try {
            Api.Answer labelled = Api.put("/api/swarm/nodes/worker1/labels", "{\"labels\": {\"zone\": \"eu\"}}");
            assertThat(labelled.status()).isEqualTo(200);
            assertThat(labelled.json().getJsonObject("data").getJsonObject("labels").getString("zone")).isEqualTo("eu");
            assertThat(docker("node", "inspect", "worker1", "--format", "{{json .Spec.Labels}}")).isEqualTo("{\"zone\":\"eu\"}");
            assertThat(Api.put("/api/swarm/nodes/worker1/labels", "{\"labels\": {\"a b\": \"x\"}}").status()).isEqualTo(400);
        } finally {
            assertThat(Api.put("/api/swarm/nodes/worker1/labels", "{\"labels\": {}}").status()).isEqualTo(200);
        }
        assertThat(docker("node", "inspect", "worker1", "--format", "{{json .Spec.Labels}}")).isEqualTo("{}");
        // every attempt is in the audit log with its outcome, newest first
        assertThat(auditOutcomes("nodes.change-role", "manager1", since)).containsExactly("failed");
        assertThat(auditOutcomes("nodes.update-labels", "worker1", since)).containsExactly("succeeded", "failed", "succeeded");
    }

    private static java.util.List<String> auditOutcomes(String action, String target, String since) {
        return Api.get("/api/swarm/audit?action=" + action + "&target=" + target + "&from=" + since).json().getJsonArray("data")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("outcome")).toList();
    }

    @Test
    void listServicesEndpoint() {
        Api.Answer answer = Api.get("/api/swarm/services?name=" + service);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getInt("count")).isEqualTo(1);
        JsonObject listed = answer.json().getJsonArray("data").getJsonObject(0);
        assertThat(listed.getString("name")).isEqualTo(service);
        assertThat(listed.getInt("desired_replicas")).isEqualTo(1);
        assertThat(listed.getInt("running_replicas")).isEqualTo(1);
        assertThat(Api.get("/api/swarm/services?mode=sideways").status()).isEqualTo(400);
    }

    @Test
    void scaleServiceEndpoint() {
        Api.Answer answer = Api.post("/api/swarm/services/" + service + "/scale", "{\"replicas\": 3}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonObject("data").getInt("desired_replicas")).isEqualTo(3);
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("3");
        Lab.awaitRunning(service, 3);
        Api.awaitListed(service, 3);
    }

    @Test
    void scaleServiceEndpointRejectsBadInputAndChangesNothing() {
        String path = "/api/swarm/services/" + service + "/scale";
        assertThat(Api.post(path, "{\"replicas\": -1}")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(400);
            assertThat(a.error()).isEqualTo("replicas must be between 0 and 100 (got -1)");
        });
        assertThat(Api.post(path, "{\"replicas\": \"five\"}").status()).isEqualTo(400);
        assertThat(Api.post(path, "{\"replicas\": 2.5}").error()).isEqualTo("replicas must be a whole number (got 2.5)");
        assertThat(Api.post(path, "{replicas: 2").status()).isEqualTo(400);
        assertThat(Api.post(path, "").status()).isEqualTo(400);
        assertThat(Api.post(path, "{}").error()).isEqualTo("replicas is required, for example 5");
        assertThat(Api.post("/api/swarm/services/no-such-service/scale", "{\"replicas\": 2}").status()).isEqualTo(404);
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("1");
    }

    @Test
    void updateServiceImageEndpoint() {
        Api.Answer answer = Api.put("/api/swarm/services/" + service + "/image", "{\"image\": \"ocr-worker:2.0\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonObject("data").getString("image")).isEqualTo("ocr-worker:2.0");
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .isEqualTo("ocr-worker:2.0");
        assertThat(Api.put("/api/swarm/services/" + service + "/image", "{\"image\": \"Bad Image\"}").status()).isEqualTo(400);
    }

    @Test
    void removeServiceEndpoint() {
        assertThat(Api.delete("/api/swarm/services/" + service).status()).isEqualTo(200);
        assertThat(docker("service", "ls", "-q", "--filter", "name=" + service)).isEmpty();
        assertThat(Api.delete("/api/swarm/services/" + service).status()).isEqualTo(404);
    }

    @Test
    void listServiceTasksEndpoint() {
        Api.Answer answer = Api.get("/api/swarm/services/" + service + "/tasks");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getInt("count")).isEqualTo(1);
        JsonObject task = answer.json().getJsonArray("data").getJsonObject(0);
        assertThat(task.getString("state")).isEqualTo("running");
        assertThat(task.getString("id")).isEqualTo(docker("service", "ps", service, "-q", "--no-trunc"));
    }

    @Test
    void getServiceLogsEndpoint() {
        Lab.await(Duration.ofSeconds(10), () -> Api.get("/api/swarm/services/" + service + "/logs?tail=3")
                .json().getInt("count") == 3, () -> "three log lines");
        JsonObject line = Api.get("/api/swarm/services/" + service + "/logs?tail=1").json().getJsonArray("data").getJsonObject(0);
        assertThat(line.getString("message")).startsWith("ocr-worker 1.0");
        assertThat(line.getString("stream")).isIn("stdout", "stderr");
        assertThat(line.getString("timestamp")).endsWith("Z");
        assertThat(Api.get("/api/swarm/services/" + service + "/logs?tail=abc").status()).isEqualTo(400);
        assertThat(Api.get("/api/swarm/services/" + service + "/logs?tail=999999").status()).isEqualTo(400);
    }

    @Test
    void getHealthStatusEndpoint() {
        Lab.await(Duration.ofSeconds(10), () -> Api.get("/api/swarm/health").json().getJsonObject("data")
                .getJsonArray("service_health").getValuesAs(JsonObject.class).stream()
                .anyMatch(s -> s.getString("name").equals(service)), () -> "the cache to see " + service);
        JsonObject data = Api.get("/api/swarm/health").json().getJsonObject("data");
        // The verdict follows its reasons: healthy exactly when there are none (other tests' services may be short).
        assertThat(data.getString("overall_health").equals("healthy")).isEqualTo(data.getJsonArray("reasons").isEmpty());
        assertThat(data.getJsonArray("service_health").getValuesAs(JsonObject.class))
                .filteredOn(s -> s.getString("name").equals(service)).singleElement().satisfies(s -> {
                    assertThat(s.getInt("desired_replicas")).isEqualTo(1);
                    assertThat(s.getInt("running_replicas")).isEqualTo(1);
                    assertThat(s.getBoolean("healthy")).isTrue();
                });
        assertThat(data.getJsonObject("node_health").getInt("total")).isEqualTo(3);
        assertThat(data.getJsonObject("node_health").getInt("ready"))
                .isEqualTo((int) docker("node", "ls", "--format", "{{.Status}}").lines().filter("Ready"::equals).count());
        assertThat(data.getJsonNumber("task_success_rate").doubleValue()).isBetween(0.0, 100.0);
        assertThat(data.getJsonNumber("snapshot_age_seconds").doubleValue()).isLessThan(10.0);
    }

    @Test
    void getStatisticsEndpoint() {
        JsonObject data = Api.get("/api/swarm/statistics").json().getJsonObject("data");
        assertThat(data.getJsonObject("cluster").getInt("nodes")).isEqualTo(3);
        assertThat(data.getJsonObject("cluster").getInt("managers")).isEqualTo(1);
        assertThat(data.getJsonObject("cluster").getInt("workers")).isEqualTo(2);
        assertThat(data.getString("timestamp")).endsWith("Z");
    }

    @Test
    void joinTokenEndpoint() {
        Api.Answer worker = Api.get("/api/swarm/join-token/worker");
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.json().getJsonObject("data").getString("token")).isEqualTo(docker("swarm", "join-token", "-q", "worker"));
        assertThat(Api.get("/api/swarm/join-token/admin").status()).isEqualTo(400);

        String before = docker("swarm", "join-token", "-q", "worker");
        String managerBefore = docker("swarm", "join-token", "-q", "manager");
        long audited = Api.get("/api/swarm/audit?outcome=succeeded&action=swarm.rotate-join-token").json().getInt("total");
        Api.Answer rotated = Api.post("/api/swarm/join-token/worker/rotate", null);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String after = rotated.json().getJsonObject("data").getString("token");
        assertThat(after).isNotEqualTo(before).isEqualTo(docker("swarm", "join-token", "-q", "worker"));
        assertThat(docker("swarm", "join-token", "-q", "manager")).as("the other token stays").isEqualTo(managerBefore);
        assertThat(Api.as(IdentityProvider.User.OPERATOR).call("POST", "/api/swarm/join-token/worker/rotate", null).status()).isEqualTo(403);
        assertThat(Api.get("/api/swarm/audit?outcome=succeeded&action=swarm.rotate-join-token").json().getInt("total")).isEqualTo(audited + 1);
    }

    @Test
    void initAndLeaveEndpointsRefuseWhatWouldBreakTheLab() {
        Api.Answer init = Api.post("/api/swarm/init", "{\"advertise_addr\": \"198.18.0.11\"}");
        assertThat(init.status()).isEqualTo(409);
        assertThat(init.error()).contains("already part of a swarm");
        assertThat(Api.post("/api/swarm/init", "{}").status()).isEqualTo(400);
        Api.Answer leave = Api.post("/api/swarm/leave", "{\"force\": false}");
        assertThat(leave.status()).isEqualTo(409);
        assertThat(docker("info", "--format", "{{.Swarm.LocalNodeState}}")).isEqualTo("active");
    }

    @Test
    void unknownPathsAndMethodsAnswerInTheEnvelope() {
        Api.Answer path = Api.get("/api/swarm/nothing-here");
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.json().getBoolean("success")).isFalse();
        assertThat(Api.delete("/api/swarm/health").status()).isEqualTo(405);
    }
}
