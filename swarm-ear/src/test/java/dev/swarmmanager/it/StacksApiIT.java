package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.lab.Lab;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The example OCR-worker stack (docker/stacks/ocr-workers.yml) deployed through our own API. */
class StacksApiIT {

    private static final Path STACK_FILE = Path.of("../docker/stacks/ocr-workers.yml");
    private final String stack = Lab.uniqueName("ocr");

    @AfterEach
    void removeStack() {
        try {
            docker("stack", "rm", stack);
        } catch (AssertionError ignored) {
            // removed by the test
        }
        Lab.await(Duration.ofSeconds(30), () -> docker("network", "ls", "-q", "--filter",
                "label=com.docker.stack.namespace=" + stack).isEmpty(), () -> "the stack's network to go");
    }

    @Test
    void deployStackEndpointWithJson() throws IOException {
        String body = Json.createObjectBuilder().add("stack_name", stack).add("stack_file", Files.readString(STACK_FILE))
                .add("variables", Json.createObjectBuilder().add("OCR_WORKER_VERSION", "2.0")).build().toString();
        Api.Answer answer = Api.post("/api/swarm/deploy-stack", body);
        assertThat(answer.status()).isEqualTo(201);
        JsonObject data = answer.json().getJsonObject("data");
        assertThat(data.getJsonArray("created").getString(0)).isEqualTo(stack + "_worker");
        assertThat(data.getJsonArray("networks").getString(0)).isEqualTo(stack + "_pages");
        assertThat(docker("stack", "services", stack, "--format", "{{.Name}} {{.Image}} {{.Replicas}}"))
                .startsWith(stack + "_worker ocr-worker:2.0 ");
        Api.awaitListed(stack + "_worker", 3);

        Api.Answer listed = Api.get("/api/swarm/stacks");
        assertThat(listed.json().getJsonArray("data").getValuesAs(JsonObject.class))
                .filteredOn(s -> s.getString("name").equals(stack)).singleElement()
                .satisfies(s -> {
                    assertThat(s.getInt("services")).isEqualTo(1);
                    assertThat(s.getInt("desired_replicas")).isEqualTo(3);
                    assertThat(s.getInt("running_replicas")).isEqualTo(3);
                });
        Api.Answer inspected = Api.get("/api/swarm/stacks/" + stack);
        assertThat(inspected.json().getJsonObject("data").getJsonArray("services").getJsonObject(0).getString("name"))
                .isEqualTo(stack + "_worker");
        assertThat(inspected.json().getJsonObject("data").getJsonArray("networks").getString(0)).isEqualTo(stack + "_pages");

        Api.Answer removed = Api.delete("/api/swarm/stacks/" + stack);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(stack);
        assertThat(Api.get("/api/swarm/stacks/" + stack).status()).isEqualTo(404);
        assertThat(Api.delete("/api/swarm/stacks/" + stack).status()).isEqualTo(404);
    }

    @Test
    void deployStackEndpointWithRawYaml() throws IOException {
        Api.Answer answer = Api.send(HttpRequest.newBuilder(Api.uri("/api/swarm/deploy-stack?stack_name=" + stack))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(STACK_FILE))));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(docker("service", "inspect", stack + "_worker", "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .isEqualTo("ocr-worker:1.0");
    }

    @Test
    void deployStackEndpointWithAMultipartUpload() throws IOException {
        String boundary = "----swarm" + UUID.randomUUID();
        String file = Files.readString(STACK_FILE);
        String multipart = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"stack_name\"\r\n\r\n" + stack + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"stack_file\"; filename=\"ocr-workers.yml\"\r\n"
                + "Content-Type: application/yaml\r\n\r\n" + file + "\r\n"
                + "--" + boundary + "--\r\n";
        Api.Answer answer = Api.send(HttpRequest.newBuilder(Api.uri("/api/swarm/deploy-stack"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(docker("stack", "ls", "--format", "{{.Name}}").lines()).contains(stack);
    }

    @Test
    void anInvalidStackIsRejectedWithTheKeyPathAndChangesNothing() throws IOException {
        String bad = Files.readString(STACK_FILE).replace("replicas: 3", "replicas: many");
        String body = Json.createObjectBuilder().add("stack_name", stack).add("stack_file", bad).build().toString();
        Api.Answer answer = Api.post("/api/swarm/deploy-stack", body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("in stack_file, services.worker.deploy.replicas must be a whole number (got 'many')");
        assertThat(Api.post("/api/swarm/deploy-stack", "{\"stack_file\": \"services: {}\"}").error())
                .isEqualTo("stack_name is required, for example \"ocr\"");
        // Every field the body misses is named at once, in the order the request declares them (Bean Validation).
        assertThat(Api.post("/api/swarm/deploy-stack", "{}").error()).isEqualTo("stack_name is required, for example \"ocr\"; "
                + "stack_file is required, for example the Compose file's YAML as a string");
        assertThat(docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(stack);
    }

    @Test
    void everyDeployIsKeptAndAnEarlierVersionIsComparedAndDeployedAgain() {
        String v1 = "services:\n  web:\n    image: ocr-worker:${TAG}\n    environment: [\"DB_PASSWORD=${DB_PASSWORD}\"]\n    deploy:\n      replicas: 1\n";
        String v2 = v1.replace("replicas: 1", "replicas: 2");
        assertThat(deploy(v1, "1.0", "hunter2").status()).isEqualTo(201);
        assertThat(deploy(v2, "2.0", "hunter2").status()).isEqualTo(201);
        assertThat(docker("service", "inspect", stack + "_web", "--format", "{{.Spec.Mode.Replicated.Replicas}} {{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .isEqualTo("2 ocr-worker:2.0");

        JsonObject versions = Api.get("/api/swarm/stacks/" + stack + "/versions").json();
        assertThat(versions.getInt("count")).isEqualTo(2);
        assertThat(versions.getJsonArray("data").getJsonObject(0).getInt("version")).as("newest first").isEqualTo(2);
        JsonObject first = Api.get("/api/swarm/stacks/" + stack + "/versions/1").json().getJsonObject("data");
        assertThat(first.getString("compose_file")).isEqualTo(v1);
        assertThat(first.getJsonObject("variables").getString("TAG")).isEqualTo("1.0");
        assertThat(first.getJsonObject("variables").isNull("DB_PASSWORD")).as("a secret's value is never kept").isTrue();
        assertThat(Api.get("/api/swarm/stacks/" + stack + "/versions/1").body()).doesNotContain("hunter2");
        assertThat(Api.get("/api/swarm/stacks/" + stack + "/versions/1/diff").json().getJsonObject("data").getJsonArray("diff")
                .getValuesAs(jakarta.json.JsonString.class)).extracting(jakarta.json.JsonString::getString)
                .contains("-       replicas: 1", "+       replicas: 2");

        Api.Answer withoutSecret = Api.post("/api/swarm/stacks/" + stack + "/versions/1/redeploy", "{}");
        assertThat(withoutSecret.status()).isEqualTo(400);
        assertThat(withoutSecret.error()).contains("DB_PASSWORD");
        assertThat(docker("service", "inspect", stack + "_web", "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("2");

        Api.Answer again = Api.post("/api/swarm/stacks/" + stack + "/versions/1/redeploy", "{\"variables\":{\"DB_PASSWORD\":\"hunter2\"}}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(docker("service", "inspect", stack + "_web", "--format",
                "{{.Spec.Mode.Replicated.Replicas}} {{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.TaskTemplate.ContainerSpec.Env}}"))
                .isEqualTo("1 ocr-worker:1.0 [DB_PASSWORD=hunter2]");
        assertThat(Api.get("/api/swarm/stacks/" + stack + "/versions").json().getInt("count")).as("the redeploy is kept too").isEqualTo(3);
        assertThat(Api.get("/api/swarm/stacks/" + stack + "/versions/9").status()).isEqualTo(404);
        assertThat(Api.get("/api/swarm/stacks/" + stack + "/versions/zero").status()).isEqualTo(400);
        assertThat(Api.get("/api/swarm/audit?action=stacks.redeploy-version&target=" + stack).json().getInt("total")).isEqualTo(2);
    }

    @Test
    void aSecretsInlineContentIsNeverKeptInTheHistory() {
        String file = "services:\n  web:\n    image: ocr-worker:1.0\n    secrets: [pw]\nsecrets:\n  pw:\n    content: \"s3cret-${PEPPER}\"\n";
        Api.Answer deployed = Api.post("/api/swarm/deploy-stack", Json.createObjectBuilder().add("stack_name", stack).add("stack_file", file)
                .add("variables", Json.createObjectBuilder().add("PEPPER", "x1")).build().toString());
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);

        Api.Answer kept = Api.get("/api/swarm/stacks/" + stack + "/versions/1");
        assertThat(kept.body()).doesNotContain("s3cret").doesNotContain("x1");
        JsonObject variables = kept.json().getJsonObject("data").getJsonObject("variables");
        assertThat(variables.isNull("SECRET_CONTENT_PW")).isTrue();
        assertThat(variables.isNull("PEPPER")).as("a variable the content used").isTrue();

        Api.Answer again = Api.post("/api/swarm/stacks/" + stack + "/versions/1/redeploy",
                "{\"variables\":{\"SECRET_CONTENT_PW\":\"s3cret-x1\",\"PEPPER\":\"x1\"}}");
        assertThat(again.status()).as("the same content again: the secret is unchanged, the deploy goes through").isEqualTo(201);
    }

    private Api.Answer deploy(String file, String tag, String password) {
        return Api.post("/api/swarm/deploy-stack", Json.createObjectBuilder().add("stack_name", stack).add("stack_file", file)
                .add("variables", Json.createObjectBuilder().add("TAG", tag).add("DB_PASSWORD", password)).build().toString());
    }
}
