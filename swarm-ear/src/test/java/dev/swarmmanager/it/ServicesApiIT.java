package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Creating, editing, rolling back and redeploying services through the deployed API, as a client sees it: the status
 * codes, the envelope, the preview's difference, the audit rows, with the docker CLI as witness of every change.
 */
class ServicesApiIT {

    private final List<String> made = new ArrayList<>();
    private final Api operator = Api.as(User.OPERATOR);

    @BeforeAll
    static void signIn() {
        IdentityProvider.start();
    }

    @AfterEach
    void removeThem() {
        made.forEach(Lab::removeServiceQuietly);
    }

    private String name() {
        String name = Lab.uniqueName("api-svc");
        made.add(name);
        return name;
    }

    @Test
    void anOperatorCreatesAServiceAndReadsItsSpec() {
        String name = name();
        Api.Answer created = operator.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":"
                + "{\"image\":\"ocr-worker:1.0\",\"environment\":{\"DB_PASSWORD\":\"hunter2\"},\"deploy\":{\"replicas\":2},\"build\":\".\"}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/swarm/services/" + name);
        JsonObject data = created.json().getJsonObject("data");
        assertThat(data.getJsonObject("service").getString("name")).isEqualTo(name);
        assertThat(data.getJsonArray("warnings").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .singleElement().asString().contains("build");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.Mode.Replicated.Replicas}} {{.Spec.TaskTemplate.ContainerSpec.Env}}"))
                .isEqualTo("2 [DB_PASSWORD=hunter2]");

        JsonObject spec = operator.call("GET", "/api/swarm/services/" + name + "/spec", null).json().getJsonObject("data");
        assertThat(spec.getJsonObject("spec").getJsonObject("TaskTemplate").getJsonObject("ContainerSpec").toString()).contains("hunter2");
        assertThat(spec.getJsonNumber("version").longValue()).isPositive();
        JsonObject viewed = Api.as(User.VIEWER).call("GET", "/api/swarm/services/" + name + "/spec", null).json().getJsonObject("data");
        assertThat(viewed.toString()).as("a viewer sees the variable, not its value").contains("DB_PASSWORD=").doesNotContain("hunter2");
        assertThat(status("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"environment\":{\"DB_PASSWORD\":\"correct-horse\"}}}")).isEqualTo(200);
        JsonObject afterEdit = Api.as(User.VIEWER).call("GET", "/api/swarm/services/" + name + "/spec", null).json().getJsonObject("data");
        assertThat(afterEdit.get("previous_spec").toString()).as("the spec before the edit, hidden likewise")
                .contains("DB_PASSWORD=(hidden from viewers)").doesNotContain("hunter2");
        assertThat(afterEdit.toString()).doesNotContain("correct-horse");

        JsonObject audit = Api.get("/api/swarm/audit?action=services.create&target=" + name).json();
        assertThat(audit.getJsonArray("data").getJsonObject(0).getString("outcome")).isEqualTo("succeeded");
        assertThat(audit.getJsonArray("data").getJsonObject(0).getString("user")).isEqualTo(User.OPERATOR.name);
    }

    @Test
    void badCreatesAreClearRefusalsAndCreateNothing() {
        String name = name();
        assertThat(status("POST", "/api/swarm/services", "{\"name\":\"" + name + "\"}")).isEqualTo(400);
        assertThat(operator.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"imagee\":1}}")
                .error()).isEqualTo("in service, imagee is not a Compose service key");
        assertThat(status("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":7}")).isEqualTo(400);
        assertThat(status("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":\"image: [unclosed\"}")).isEqualTo(400);
        assertThat(status("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"secrets\":[\"api-no-such-secret\"]}}"))
                .isEqualTo(409);
        assertThat(Api.as(User.VIEWER).call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\"}}")
                .status()).isEqualTo(403);
        assertThat(docker("service", "ls", "--filter", "name=" + name, "-q")).isEmpty();
    }

    @Test
    void anEditIsPreviewedAsADifferenceThenAppliedAtTheReviewedVersion() {
        String name = name();
        Lab.createWorkerService(name, 1);
        docker("service", "update", "--detach", "--sysctl-add", "net.core.somaxconn=512", name);
        String path = "/api/swarm/services/" + name;
        String changes = "{\"changes\":\"environment:\\n  LOG_LEVEL: debug\\nuser: nobody\\n\"}";

        Api.Answer preview = operator.call("PATCH", path + "?dry_run=true", changes);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonObject plan = preview.json().getJsonObject("data");
        assertThat(plan.getBoolean("unchanged")).isFalse();
        List<String> diff = plan.getJsonArray("diff").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        assertThat(diff).contains("+       \"Env\" : [ \"LOG_LEVEL=debug\" ],")
                .anyMatch(line -> line.startsWith("+       \"User\" : \"nobody\""))
                .noneMatch(line -> line.startsWith("-") && line.contains("Sysctls"));
        long version = plan.getJsonNumber("version").longValue();
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.User}}")).as("a preview changes nothing").isEmpty();

        Api.Answer applied = operator.call("PATCH", path, changes.substring(0, changes.length() - 1) + ",\"version\":" + version + "}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(docker("service", "inspect", name, "--format",
                "{{.Spec.TaskTemplate.ContainerSpec.User}} {{.Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.TaskTemplate.ContainerSpec.Sysctls}}"))
                .isEqualTo("nobody [LOG_LEVEL=debug] map[net.core.somaxconn:512]");

        Api.Answer stale = operator.call("PATCH", path, "{\"changes\":{\"user\":\"root\"},\"version\":" + version + "}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.error()).contains("has changed since version " + version);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.User}}")).isEqualTo("nobody");
        assertThat(status("PATCH", path, "{\"changes\":{}}")).isEqualTo(400);
        assertThat(status("PATCH", "/api/swarm/services/api-no-such-service", "{\"changes\":{\"user\":\"x\"}}")).isEqualTo(404);
    }

    @Test
    void anUpdateThatChangesNoImageShowsWhichTasksRunTheNewSpec() {
        String name = name();
        Api.Answer created = operator.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\","
                + "\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":2,\"update_config\":{\"parallelism\":1,\"delay\":\"20s\"}}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Lab.awaitRunning(name, 2);
        Lab.await(Duration.ofSeconds(20), () -> onServiceSpec(name).equals(List.of(true, true)), () -> "both tasks on the spec: " + onServiceSpec(name));

        // Only the environment changes: the image says nothing about which task is on which spec.
        assertThat(operator.call("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"environment\":{\"PAGES\":\"2\"}}}").status()).isEqualTo(200);
        Lab.await(Duration.ofSeconds(40), () -> onServiceSpec(name).equals(List.of(false, true)),
                () -> "one task replaced and the other waiting for the update's delay: " + onServiceSpec(name));
        for (JsonObject task : runningTasks(name)) {
            String env = docker("inspect", task.getString("id"), "--format", "{{json .Spec.ContainerSpec.Env}}");
            assertThat(env).as("the docker CLI's view of task " + task.getString("name"))
                    .isEqualTo(task.getBoolean("on_service_spec") ? "[\"PAGES=2\"]" : "null");
        }
        // Once the update's delay has passed, the second task is replaced too and every task is on the spec.
        Lab.await(Duration.ofSeconds(60), () -> onServiceSpec(name).equals(List.of(true, true)), () -> "both tasks on the new spec: " + onServiceSpec(name));
    }

    /** Whether each running task runs the service's spec, false first. */
    private List<Boolean> onServiceSpec(String name) {
        return runningTasks(name).stream().map(t -> t.getBoolean("on_service_spec")).sorted().toList();
    }

    private List<JsonObject> runningTasks(String name) {
        return operator.call("GET", "/api/swarm/services/" + name + "/tasks", null).json().getJsonArray("data").getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getString("desired_state").equals("running") && t.getString("state").equals("running")).toList();
    }

    @Test
    void aBadImageIsRolledBackAndARedeployRestartsTheTasks() {
        String name = name();
        Lab.createWorkerService(name, 1);
        String path = "/api/swarm/services/" + name;
        assertThat(status("POST", path + "/rollback", null)).as("nothing to roll back to").isEqualTo(409);
        assertThat(status("PATCH", path, "{\"changes\":{\"image\":\"ocr-worker:no-such-tag\"}}")).isEqualTo(200);

        Api.Answer rollback = operator.call("POST", path + "/rollback", null);

        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
        Lab.await(Duration.ofSeconds(30), () -> docker("service", "inspect", name, "--format",
                "{{.Spec.TaskTemplate.ContainerSpec.Image}}").startsWith("ocr-worker:1.0"), () -> "the image to be back");
        Lab.awaitRunning(name, 1);

        String before = docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ForceUpdate}}");
        assertThat(status("POST", path + "/redeploy", null)).isEqualTo(200);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ForceUpdate}}"))
                .isEqualTo(String.valueOf(Long.parseLong(before) + 1));
        assertThat(Api.as(User.VIEWER).call("POST", path + "/redeploy", null).status()).isEqualTo(403);
        for (String action : List.of("services.rollback", "services.redeploy", "services.edit")) {
            JsonObject rows = Api.get("/api/swarm/audit?outcome=succeeded&action=" + action + "&target=" + name).json();
            assertThat(rows.getInt("total")).as(action + " audited once, as it succeeded").isEqualTo(1);
            assertThat(rows.getJsonArray("data").getJsonObject(0).getString("user")).isEqualTo(User.OPERATOR.name);
        }
    }

    @Test
    void aFailingUpdatePausesOrRollsBackAsConfiguredAndTheApiShowsItsProgress() {
        String paused = name();
        String rolledBack = name();
        for (String[] service : List.of(new String[] {paused, "pause"}, new String[] {rolledBack, "rollback"})) {
            assertThat(status("POST", "/api/swarm/services", "{\"name\":\"" + service[0] + "\",\"service\":{\"image\":\"ocr-worker:1.0\","
                    + "\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":1,\"update_config\":{\"failure_action\":\"" + service[1]
                    + "\",\"monitor\":\"2s\",\"max_failure_ratio\":0,\"order\":\"start-first\"},\"rollback_config\":{\"monitor\":\"2s\"}}}}")).isEqualTo(201);
            Lab.awaitRunning(service[0], 1);
            assertThat(status("PATCH", "/api/swarm/services/" + service[0], "{\"changes\":{\"image\":\"ocr-worker:no-such-tag\"}}")).isEqualTo(200);
        }

        for (String[] expected : List.of(new String[] {paused, "paused"}, new String[] {rolledBack, "rollback_completed"})) {
            Lab.await(Duration.ofSeconds(90), () -> expected[1].equals(updateState(expected[0])),
                    () -> expected[0] + "'s update " + expected[1] + ", the API says " + updateState(expected[0]));
            assertThat(docker("service", "inspect", expected[0], "--format", "{{.UpdateStatus.State}}")).isEqualTo(expected[1]);
            JsonObject status = Api.as(User.VIEWER).call("GET", "/api/swarm/services/" + expected[0], null).json()
                    .getJsonObject("data").getJsonObject("update_status");
            assertThat(status.getString("message")).as("what Swarm says of it").isNotBlank();
        }
        assertThat(docker("service", "inspect", rolledBack, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .as("rolled back by Swarm").startsWith("ocr-worker:1.0");
        assertThat(docker("service", "inspect", paused, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .as("paused on the new spec").startsWith("ocr-worker:no-such-tag");
        JsonObject onSpec = Api.get("/api/swarm/services/" + paused + "/tasks").json();
        assertThat(onSpec.getJsonArray("data").getValuesAs(JsonObject.class))
                .as("the task still running is on the spec before the update")
                .anySatisfy(t -> {
                    assertThat(t.getString("state")).isEqualTo("running");
                    assertThat(t.getBoolean("on_service_spec")).isFalse();
                });
    }

    private static String updateState(String service) {
        JsonObject status = Api.get("/api/swarm/services/" + service).json().getJsonObject("data").get("update_status") instanceof JsonObject o ? o : null;
        return status == null ? null : status.getString("state");
    }

    @Test
    void aServiceExportedAsComposeIsCreatedAgainFromItAndTheBackupHoldsIt() throws Exception {
        String name = name();
        assertThat(status("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\","
                + "\"environment\":{\"PRICE\":\"5$$\"},\"deploy\":{\"replicas\":2,\"placement\":{\"constraints\":[\"node.role==worker\"]}}}}")).isEqualTo(201);
        String before = docker("service", "inspect", name, "--format", "{{json .Spec}}");

        Api.Answer exported = operator.call("GET", "/api/swarm/services/" + name + "/compose", null);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        String yaml = exported.json().getJsonObject("data").getString("yaml");
        assertThat(yaml).contains("PRICE=5$$").contains("node.role==worker");
        assertThat(Api.as(User.VIEWER).call("GET", "/api/swarm/services/" + name + "/compose", null).status())
                .as("the environment may hold credentials").isEqualTo(403);

        java.net.http.HttpResponse<byte[]> archive = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(Api.uri("/api/swarm/export")).header("Authorization", Api.authorization(User.OPERATOR)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(archive.statusCode()).isEqualTo(200);
        assertThat(archive.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        String entry = null;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("services/" + name + ".yml")) {
                    entry = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entry).as("the backup holds the service as its own export").isEqualTo(yaml);

        Lab.removeServiceQuietly(name);
        String body = jakarta.json.Json.createObjectBuilder().add("name", name).add("service", yaml).build().toString();
        assertThat(status("POST", "/api/swarm/services", body)).isEqualTo(201);
        assertThat(docker("service", "inspect", name, "--format", "{{json .Spec}}")).isEqualTo(before);
    }

    private int status(String method, String path, String body) {
        return operator.call(method, path, body).status();
    }
}
