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

/** Secrets, configs and networks through the deployed API, the docker CLI as witness: a rotation under two services. */
class ObjectsApiIT {

    private final Api operator = Api.as(User.OPERATOR);
    private final Api admin = Api.as(User.ADMIN);
    private final List<String> services = new ArrayList<>();
    private final List<String[]> objects = new ArrayList<>();

    @BeforeAll
    static void signIn() {
        IdentityProvider.start();
    }

    @AfterEach
    void removeThem() {
        services.forEach(Lab::removeServiceQuietly);
        for (String[] object : objects) {
            Lab.await(Duration.ofSeconds(30), () -> {
                try {
                    docker(object[0], "rm", object[1]);
                    return true;
                } catch (AssertionError stillInUseOrGone) {
                    return !docker(object[0], "ls", "--format", "{{.Name}}").lines().toList().contains(object[1]); // name filters match prefixes
                }
            }, () -> object[0] + " " + object[1] + " to go");
        }
    }

    private String made(String kind, String name) {
        objects.add(new String[] {kind, name});
        return name;
    }

    private String service(String secret) {
        String name = Lab.uniqueName("rot-svc");
        services.add(name);
        Api.Answer created = admin.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\","
                + "\"stop_grace_period\":\"1s\",\"secrets\":[{\"source\":\"" + secret + "\",\"target\":\"db\",\"mode\":\"0400\"}]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    @Test
    void aSecretRotatedUnderTwoServicesEndsOnTheNewVersionAndTheOldOneGoes() {
        String secret = made("secret", Lab.uniqueName("rot-pw").replace('-', '_'));
        made("secret", secret + "_v2");
        Api.Answer created = operator.call("POST", "/api/swarm/secrets", "{\"name\":\"" + secret + "\",\"data\":\"first\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("first");
        String one = service(secret);
        String two = service(secret);
        Lab.awaitRunning(one, 1);
        Lab.awaitRunning(two, 1);

        JsonObject listed = Api.as(User.VIEWER).call("GET", "/api/swarm/secrets/" + secret, null).json().getJsonObject("data");
        assertThat(listed.getJsonArray("services").getValuesAs(JsonString.class)).extracting(JsonString::getString).containsExactlyInAnyOrder(one, two);
        assertThat(operator.call("DELETE", "/api/swarm/secrets/" + secret, null).status()).as("removing is for admins").isEqualTo(403);
        Api.Answer inUse = admin.call("DELETE", "/api/swarm/secrets/" + secret, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.error()).contains(one).contains(two);

        Api.Answer byOperator = operator.call("POST", "/api/swarm/secrets/" + secret + "/rotate", "{\"data\":\"mine\"}");
        assertThat(byOperator.status()).as("an operator would choose the value of a secret not shared with operators").isEqualTo(403);
        assertThat(docker("secret", "ls", "--format", "{{.Name}}").lines()).doesNotContain(secret + "_v2");

        // the docker CLI watches both services' specs through the rotation: each must name a secret at /run/secrets/db all
        // along (the tasks' files are read at the end)
        List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread witness = new Thread(() -> {
            while (watching.get()) {
                try {
                    seen.add(docker("service", "inspect", one, two, "--format",
                            "{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.File.Name}}{{end}}").replace('\n', ' '));
                } catch (AssertionError e) {
                    seen.add("the docker CLI failed: " + e.getMessage()); // fails the check below, not just this thread
                }
                Lab.sleep(100);
            }
        });
        witness.start();
        Api.Answer rotated;
        try {
            rotated = admin.call("POST", "/api/swarm/secrets/" + secret + "/rotate", "{\"data\":\"second\"}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            JsonObject rotation = rotated.json().getJsonObject("data");
            assertThat(rotation.getString("to")).isEqualTo(secret + "_v2");
            assertThat(rotation.getJsonArray("moved").getValuesAs(JsonString.class)).extracting(JsonString::getString).containsExactlyInAnyOrder(one, two);
            assertThat(rotation.getString("old_version")).as("the answer does not wait for the rolling updates").isEqualTo("waiting");
            assertThat(rotation.getBoolean("old_removed")).isFalse();

            // the progress, read while the old version waits for both rolling updates
            Lab.await(Duration.ofSeconds(90), () -> "removed".equals(progress("secrets", secret + "_v2").getString("old_version")),
                    () -> "the old version removed once both updates completed: " + progress("secrets", secret + "_v2"));
        } finally {
            watching.set(false);
            try {
                witness.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertThat(seen).isNotEmpty().allSatisfy(line -> assertThat(line).as("never without the secret").isEqualTo("db db"));
        assertThat(progress("secrets", secret + "_v2").getJsonArray("updating")).isEmpty();
        for (String service : List.of(one, two)) {
            assertThat(docker("service", "inspect", service, "--format",
                    "{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}} {{.File.Name}} {{.File.Mode}}{{end}}"))
                    .as("the same file at the same path, from the new version").isEqualTo(secret + "_v2 db -r--------");
            Lab.awaitRunning(service, 1);
            assertThat(readInTask(service, "/run/secrets/db")).as("what the running task reads").isEqualTo("second");
        }
        assertThat(docker("secret", "ls", "--format", "{{.Name}}").lines()).contains(secret + "_v2").doesNotContain(secret);
        assertThat(audited("secrets.rotate", secret)).as("the operator's refused rotation, the admin's, then what became of the old version")
                .containsExactly("secrets.rotate-old-version succeeded", "secrets.rotate succeeded", "secrets.rotate denied");
        assertThat(Api.get("/api/swarm/audit?action=secrets.create&target=" + secret).body()).doesNotContain("first");
    }

    /** The audit rows of actions starting with {@code action} on the target, newest first, as "action outcome". */
    private static List<String> audited(String action, String target) {
        return Api.get("/api/swarm/audit?action=" + action + "&target=" + target).json().getJsonArray("data").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("action") + " " + e.getString("outcome")).toList();
    }

    /** A rotation's progress as the API shows it on either version. */
    private static JsonObject progress(String kind, String name) {
        return Api.as(User.VIEWER).call("GET", "/api/swarm/" + kind + "/" + name, null).json().getJsonObject("data").getJsonObject("rotation");
    }

    /** A file as the service's running task sees it, read with docker exec on the task's node. */
    private static String readInTask(String service, String path) {
        String[] task = docker("service", "ps", service, "--filter", "desired-state=running", "--format", "{{.ID}} {{.Node}}")
                .lines().findFirst().orElseThrow().split(" ");
        String container = Lab.dockerOn(task[1], "ps", "-q", "--filter", "label=com.docker.swarm.task.id=" + docker("inspect", task[0], "--format", "{{.ID}}"));
        return Lab.dockerOn(task[1], "exec", container, "cat", path);
    }

    @Test
    void aConfigRotatedUnderAServiceEndsOnTheNewVersionAtTheSamePath() {
        String config = made("config", Lab.uniqueName("rot-conf"));
        made("config", config + "_v2");
        assertThat(operator.call("POST", "/api/swarm/configs", "{\"name\":\"" + config + "\",\"data\":\"threads=4\\n\"}").status()).isEqualTo(201);
        String service = Lab.uniqueName("rot-csvc");
        services.add(service);
        Api.Answer created = admin.call("POST", "/api/swarm/services", "{\"name\":\"" + service + "\",\"service\":{\"image\":\"ocr-worker:1.0\","
                + "\"stop_grace_period\":\"1s\",\"configs\":[{\"source\":\"" + config + "\",\"target\":\"/etc/ocr.conf\"}]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Lab.awaitRunning(service, 1);

        Api.Answer rotated = operator.call("POST", "/api/swarm/configs/" + config + "/rotate", "{\"data\":\"threads=8\\n\"}");
        assertThat(rotated.status()).as("an admin's service, a config not shared with operators: " + rotated.body()).isEqualTo(403);
        rotated = admin.call("POST", "/api/swarm/configs/" + config + "/rotate", "{\"data\":\"threads=8\\n\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        Lab.await(Duration.ofSeconds(90), () -> "removed".equals(progress("configs", config + "_v2").getString("old_version")),
                () -> "the old version removed: " + progress("configs", config + "_v2"));

        assertThat(docker("service", "inspect", service, "--format",
                "{{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}} {{.File.Name}}{{end}}")).isEqualTo(config + "_v2 /etc/ocr.conf");
        Lab.awaitRunning(service, 1);
        assertThat(readInTask(service, "/etc/ocr.conf")).isEqualTo("threads=8");
        assertThat(Api.as(User.VIEWER).call("GET", "/api/swarm/configs/" + config + "_v2", null).json().getJsonObject("data").getString("content"))
                .isEqualTo("threads=8\n");
        assertThat(docker("config", "ls", "--format", "{{.Name}}").lines()).contains(config + "_v2").doesNotContain(config);
        assertThat(audited("configs.rotate", config))
                .containsExactly("configs.rotate-old-version succeeded", "configs.rotate succeeded", "configs.rotate denied");
    }

    @Test
    void aConfigIsReadBackAndANetworkInUseIsNotRemoved() {
        String config = made("config", Lab.uniqueName("obj-conf"));
        assertThat(operator.call("POST", "/api/swarm/configs", "{\"name\":\"" + config + "\",\"data\":\"threads=4\\n\"}").status()).isEqualTo(201);
        assertThat(Api.as(User.VIEWER).call("GET", "/api/swarm/configs/" + config, null).json().getJsonObject("data").getString("content"))
                .isEqualTo("threads=4\n");
        assertThat(operator.call("POST", "/api/swarm/configs", "{\"name\":\"" + config + "\",\"data\":\"other\"}").status())
                .as("configs cannot change").isEqualTo(409);
        assertThat(Api.get("/api/swarm/audit?action=configs.create&target=" + config).json().getJsonArray("data").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("outcome")).containsExactly("failed", "succeeded");

        String network = made("network", Lab.uniqueName("obj-net"));
        Api.Answer created = operator.call("POST", "/api/swarm/networks", "{\"name\":\"" + network + "\",\"attachable\":true,\"encrypted\":true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(docker("network", "inspect", network, "--format", "{{.Driver}} {{.Scope}} {{.Attachable}}")).isEqualTo("overlay swarm true");
        assertThat(docker("network", "inspect", network, "--format", "{{json .Options}}")).as("encrypted").contains("\"encrypted\"");
        assertThat(Api.get("/api/swarm/audit?outcome=succeeded&action=networks.create&target=" + network).json().getInt("total")).isEqualTo(1);
        assertThat(operator.call("POST", "/api/swarm/networks", "{\"name\":\"" + Lab.uniqueName("obj-net") + "\",\"driver\":\"macvlan\"}").status())
                .as("the policy's network drivers").isEqualTo(403);

        String service = Lab.uniqueName("obj-svc");
        services.add(service);
        assertThat(admin.call("POST", "/api/swarm/services", "{\"name\":\"" + service + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"networks\":[\""
                + network + "\"]}}").status()).isEqualTo(201);
        JsonObject listed = Api.as(User.VIEWER).call("GET", "/api/swarm/networks", null).json().getJsonArray("data").getValuesAs(JsonObject.class)
                .stream().filter(n -> n.getString("name").equals(network)).findFirst().orElseThrow();
        assertThat(listed.getJsonArray("services").getString(0)).isEqualTo(service);
        assertThat(listed.getBoolean("encrypted")).isTrue();
        Api.Answer inUse = admin.call("DELETE", "/api/swarm/networks/" + network, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.error()).contains(service);
        assertThat(docker("network", "ls", "-q", "--filter", "name=" + network)).isNotEmpty();

        Lab.removeServiceQuietly(service);
        Lab.await(Duration.ofSeconds(30), () -> admin.call("DELETE", "/api/swarm/networks/" + network, null).status() == 200,
                () -> "the network to be removed once unused");
        Lab.await(Duration.ofSeconds(15), () -> !docker("network", "ls", "--format", "{{.Name}}").lines().toList().contains(network),
                () -> "the docker CLI to list the network no more (the manager drops its local copy a moment later)");
        assertThat(admin.call("DELETE", "/api/swarm/networks/ingress", null).status()).isEqualTo(409);
    }
}
