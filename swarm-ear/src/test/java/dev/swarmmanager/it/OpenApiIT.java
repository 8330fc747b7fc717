package dev.swarmmanager.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.yaml.snakeyaml.Yaml;

/** The OpenAPI document at /openapi covers every endpoint, an external validator accepts it, and Redocly's linter finds nothing. */
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
    void everyJsonAnswerSaysWhatItsDataIs() throws Exception {
        JsonObject document = ServedOpenApi.fetch(Api.BASE, java.time.Duration.ZERO);
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        List<String> untyped = new java.util.ArrayList<>();
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (!(operation instanceof JsonObject op) || !op.containsKey("responses")) {
                return;
            }
            op.getJsonObject("responses").forEach((code, response) -> {
                JsonObject content = response.asJsonObject().getJsonObject("content");
                if (code.startsWith("2") && content != null && content.containsKey("application/json")) {
                    String ref = content.getJsonObject("application/json").getJsonObject("schema").getString("$ref", "");
                    String name = ref.substring(ref.lastIndexOf('/') + 1);
                    if (!name.endsWith("Answer") || !schemas.containsKey(name)
                            || !content.keySet().iterator().next().equals("application/json")) {
                        untyped.add(method + " " + path + " " + code + " " + ref + " " + content.keySet());
                    }
                }
            });
            if (method.equals("get") && op.containsKey("requestBody")) {
                untyped.add(method + " " + path + " has a request body");
            }
        }));
        assertThat(untyped).as("2xx JSON answers whose data has no schema, or not the first media type").isEmpty();
        assertThat(schemas).as("the untyped envelope, once every answer is typed").doesNotContainKey("Success");
        // Typed as the JSON mapping writes it: snake_case, enums as Docker's words, the list's count.
        JsonObject service = schemas.getJsonObject("SwarmService").getJsonObject("properties");
        assertThat(service.keySet()).contains("desired_replicas", "running_replicas", "update_status", "created_at");
        assertThat(service.getJsonObject("mode").getJsonArray("enum").toString()).isEqualTo("[\"replicated\",\"global\"]");
        assertThat(schemas.getJsonObject("SwarmServiceListAnswer").getJsonArray("required").toString()).contains("count");
    }

    /** The served document as a file, without the non-standard list Payara adds: everything else must be plain OpenAPI 3.0. */
    private static Path servedDocument() throws java.io.IOException {
        // JSON, which types every value as written (YAML 1.1 readers take an unquoted 2026-11-29T10:00:00Z for a date)
        JsonObject document = Json.createReader(new StringReader(Api.get("/openapi?format=json").body())).readObject();
        assertThat(document.keySet()).containsOnly("openapi", "info", "servers", "security", "tags", "paths", "components", "endpoints");
        Path file = Files.createTempFile("openapi", ".json");
        Files.writeString(file, ServedOpenApi.clean(document).toString());
        return file;
    }

    @Test
    @SuppressWarnings("unchecked")
    void redoclysRecommendedRulesFindNothing() throws Exception {
        Path linter = Path.of(System.getProperty("swarm.it.openapi-linter", "redocly"));
        assertThat(linter).as("Redocly's linter, installed by docker/test").isExecutable();
        Path file = servedDocument();
        Process process = new ProcessBuilder(linter.toString(), "lint", "--format=json", "--config",
                System.getProperty("swarm.it.openapi-lint-config", "../swarm-rest/redocly.yaml"), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("Redocly done within two minutes").isTrue();
        String output = read.get(10, TimeUnit.SECONDS);
        assertThat(output).as("Redocly's report").contains("\"problems\"");
        Map<String, Object> report = new Yaml().load(output.substring(output.indexOf('{')));
        List<Map<String, Object>> problems = (List<Map<String, Object>>) report.get("problems");
        assertThat(problems).as("Redocly's findings").extracting(p -> p.get("severity") + " " + p.get("ruleId") + ": " + p.get("message")
                + " at " + p.get("location")).isEmpty();
    }

    @Test
    void anExternalValidatorAcceptsTheDocument() throws Exception {
        Path validator = Path.of(System.getProperty("swarm.it.openapi-validator", "swagger-cli"));
        assertThat(validator).as("the OpenAPI validator, installed by docker/test").isExecutable();
        Path file = servedDocument();
        Process process = new ProcessBuilder(validator.toString(), "validate", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("is valid");
    }
}
