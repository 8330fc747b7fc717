package dev.swarmmanager.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document at /openapi covers every endpoint, and an external validator accepts it. */
class OpenApiIT {

    private static final List<String> ENDPOINTS = List.of(
            "get /swarm/info", "post /swarm/init", "post /swarm/leave", "get /swarm/join-token/{role}",
            "get /swarm/nodes", "get /swarm/nodes/{node_id}", "put /swarm/nodes/{node_id}/availability",
            "delete /swarm/nodes/{node_id}", "get /swarm/services", "get /swarm/services/{name}",
            "post /swarm/services/{name}/scale", "put /swarm/services/{name}/image", "delete /swarm/services/{name}",
            "get /swarm/services/{name}/tasks", "get /swarm/services/{name}/logs", "get /swarm/health",
            "get /swarm/statistics", "post /swarm/deploy-stack", "get /swarm/stacks", "get /swarm/stacks/{name}",
            "delete /swarm/stacks/{name}");

    @Test
    @SuppressWarnings("unchecked")
    void everyEndpointIsDocumentedWithItsAnswers() {
        Api.Answer answer = Api.get("/openapi");
        assertThat(answer.status()).isEqualTo(200);
        Map<String, Object> document = new Yaml().load(answer.body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ");
            assertThat(paths).as(endpoint).containsKey(parts[1]);
            Map<String, Object> operation = (Map<String, Object>) paths.get(parts[1]).get(parts[0]);
            assertThat(operation).as(endpoint).isNotNull().containsKey("summary");
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses.keySet()).as(endpoint).anyMatch(code -> code.startsWith("2"));
        }
        Map<String, Object> deploy = (Map<String, Object>) paths.get("/swarm/deploy-stack").get("post");
        Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) deploy.get("requestBody")).get("content");
        assertThat(content).containsKeys("application/json", "application/yaml", "multipart/form-data");
    }

    @Test
    void anExternalValidatorAcceptsTheDocument() throws Exception {
        Path validator = Path.of(System.getProperty("swarm.it.openapi-validator", "swagger-cli"));
        assertThat(validator).as("the OpenAPI validator, installed by docker/test").isExecutable();
        Map<String, Object> document = new Yaml().load(Api.get("/openapi").body());
        // Payara adds a non-standard top-level "endpoints" list; everything else must be plain OpenAPI 3.0.
        assertThat(document.keySet()).containsOnly("openapi", "info", "servers", "security", "tags", "paths", "components", "endpoints");
        document.remove("endpoints");
        Path file = Files.createTempFile("openapi", ".yaml");
        Files.writeString(file, new Yaml().dump(document));
        Process process = new ProcessBuilder(validator.toString(), "validate", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("is valid");
    }
}
