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
}
