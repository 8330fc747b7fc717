package dev.swarmmanager.services.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.ServiceDefinition;
import dev.swarmmanager.domain.ServiceEdit;
import dev.swarmmanager.domain.ServiceEditPreview;
import dev.swarmmanager.domain.ServiceWriteResult;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A service's life through the API's beans, with the docker CLI as witness: create, edit, roll back, redeploy. */
class ServiceLifecycleIT extends InContainer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Services services;
    private final List<String> cleanup = new ArrayList<>();

    @AfterEach
    void removeWhatWasMade() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            String[] made = cleanup.get(i).split(" ");
            if (made[0].equals("service")) {
                Lab.removeServiceQuietly(made[1]);
            } else {
                Lab.await(Duration.ofSeconds(30), () -> {
                    try {
                        docker(made[0], "rm", made[1]);
                        return true;
                    } catch (AssertionError stillInUse) {
                        return false;
                    }
                }, () -> made[0] + " " + made[1] + " to be removed");
            }
        }
    }

    /** A fresh name for an object of that kind ({@code service}, {@code secret}...), removed after the test. */
    private String unique(String kind, String prefix) {
        String name = Lab.uniqueName(prefix);
        cleanup.add(kind + " " + name);
        return name;
    }

    private static String file(String content) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("it-", ".txt");
            java.nio.file.Files.writeString(file, content);
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode spec(String service) {
        try {
            return JSON.readTree(docker("service", "inspect", service, "--format", "{{json .Spec}}"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCreatedServiceRunsWithEverySettingAsTheCliReportsIt() {
        String network = unique("network", "it-net");
        docker("network", "create", "--driver", "overlay", network);
        String secret = unique("secret", "it-secret");
        docker("secret", "create", secret, file("s3cret"));
        String config = unique("config", "it-config");
        docker("config", "create", config, file("threads=2"));
        String name = unique("service", "it-made");
        String service = """
                image: ocr-worker:1.0
                command: ["sh", "-c", "echo ready; exec sleep 3600"]
                environment:
                  LOG_LEVEL: debug
                labels:
                  team: ocr
                user: "65534"
                working_dir: /tmp
                stop_grace_period: 2s
                ports:
                  - target: 8080
                    published: 18481
                    mode: host
                volumes:
                  - type: tmpfs
                    target: /scratch
                networks: [%s]
                secrets:
                  - source: %s
                    target: token
                configs: [%s]
                healthcheck:
                  test: ["CMD", "true"]
                  interval: 5s
                deploy:
                  replicas: 2
                  labels: {purpose: lifecycle-test}
                  placement:
                    constraints: ["node.role==worker"]
                    preferences: [{spread: node.id}]
                  resources:
                    limits: {cpus: "0.5", memory: 64M}
                    reservations: {memory: 8M}
                  restart_policy: {condition: on-failure, max_attempts: 3}
                  update_config: {parallelism: 1, delay: 1s, failure_action: rollback}
                  rollback_config: {parallelism: 2}
                """.formatted(network, secret, config);

        ServiceWriteResult result = services.create(new ServiceDefinition(name, service, Map.of()));

        assertThat(result.service().name()).isEqualTo(name);
        assertThat(result.warnings()).isEmpty();
        Lab.awaitRunning(name, 2);
        JsonNode spec = spec(name);
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        assertThat(container.path("Image").asText()).isEqualTo("ocr-worker:1.0");
        assertThat(container.path("Args").toString()).isEqualTo("[\"sh\",\"-c\",\"echo ready; exec sleep 3600\"]");
        assertThat(container.path("Env").toString()).isEqualTo("[\"LOG_LEVEL=debug\"]");
        assertThat(container.path("Labels").path("team").asText()).isEqualTo("ocr");
        assertThat(container.path("User").asText()).isEqualTo("65534");
        assertThat(container.path("Dir").asText()).isEqualTo("/tmp");
        assertThat(container.path("StopGracePeriod").asLong()).isEqualTo(2_000_000_000L);
        assertThat(container.path("Mounts").get(0).path("Type").asText()).isEqualTo("tmpfs");
        assertThat(container.path("Secrets").get(0).path("SecretName").asText()).isEqualTo(secret);
        assertThat(container.path("Secrets").get(0).path("File").path("Name").asText()).isEqualTo("token");
        assertThat(container.path("Configs").get(0).path("ConfigName").asText()).isEqualTo(config);
        assertThat(container.path("Healthcheck").path("Test").toString()).isEqualTo("[\"CMD\",\"true\"]");
        assertThat(spec.path("Labels").path("purpose").asText()).isEqualTo("lifecycle-test");
        assertThat(spec.path("Labels").has("com.docker.stack.namespace")).isFalse();
        assertThat(spec.path("Mode").path("Replicated").path("Replicas").asInt()).isEqualTo(2);
        assertThat(spec.path("EndpointSpec").path("Ports").get(0).path("PublishedPort").asInt()).isEqualTo(18481);
        assertThat(spec.path("EndpointSpec").path("Ports").get(0).path("PublishMode").asText()).isEqualTo("host");
        JsonNode task = spec.path("TaskTemplate");
        assertThat(task.path("Placement").path("Constraints").toString()).isEqualTo("[\"node.role==worker\"]");
        assertThat(task.path("Placement").path("Preferences").get(0).path("Spread").path("SpreadDescriptor").asText()).isEqualTo("node.id");
        assertThat(task.path("Resources").path("Limits").path("NanoCPUs").asLong()).isEqualTo(500_000_000L);
        assertThat(task.path("Resources").path("Limits").path("MemoryBytes").asLong()).isEqualTo(64L << 20);
        assertThat(task.path("Resources").path("Reservations").path("MemoryBytes").asLong()).isEqualTo(8L << 20);
        assertThat(task.path("RestartPolicy").path("Condition").asText()).isEqualTo("on-failure");
        assertThat(task.path("RestartPolicy").path("MaxAttempts").asInt()).isEqualTo(3);
        assertThat(spec.path("UpdateConfig").path("FailureAction").asText()).isEqualTo("rollback");
        assertThat(spec.path("RollbackConfig").path("Parallelism").asInt()).isEqualTo(2);
        assertThat(docker("service", "inspect", name, "--format", "{{range .Spec.TaskTemplate.Networks}}{{.Target}}{{end}}"))
                .isEqualTo(docker("network", "inspect", network, "--format", "{{.Id}}"));
        assertThat(docker("service", "ps", name, "--filter", "desired-state=running", "--format", "{{.Node}}"))
                .doesNotContain("manager");
    }

    @Test
    void aCreateThatCannotWorkChangesNothing() {
        String name = unique("service", "it-made");
        assertThatThrownBy(() -> services.create(new ServiceDefinition(name, "{\"image\": \"ocr-worker:1.0\", \"networks\": [\"no-such-net\"]}", Map.of())))
                .isInstanceOf(OperationConflictException.class).hasMessageContaining("network no-such-net does not exist");
        assertThatThrownBy(() -> services.create(new ServiceDefinition(name, "{\"image\": \"ocr-worker:1.0\", \"deploy\": {\"replicas\": \"two\"}}", Map.of())))
                .isInstanceOf(InvalidRequestException.class).hasMessage("in service, deploy.replicas must be a whole number (got 'two')");
        assertThatThrownBy(() -> services.create(new ServiceDefinition("bad name!", "{\"image\": \"ocr-worker:1.0\"}", Map.of())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("name");
        assertThat(docker("service", "ls", "--filter", "name=" + name, "--format", "{{.Name}}")).isEmpty();

        services.create(new ServiceDefinition(name, "image: ocr-worker:1.0", Map.of()));
        assertThatThrownBy(() -> services.create(new ServiceDefinition(name, "image: ocr-worker:2.0", Map.of())))
                .isInstanceOf(OperationConflictException.class).hasMessageContaining("exists already");
        assertThat(spec(name).path("TaskTemplate").path("ContainerSpec").path("Image").asText()).isEqualTo("ocr-worker:1.0");
    }

    @Test
    void anEditChangesWhatItNamesAndKeepsEveryOtherSetting() {
        String name = unique("service", "it-edit");
        Lab.createWorkerService(name, 2);
        docker("service", "update", "--detach", "--cap-add", "NET_ADMIN", "--sysctl-add", "net.core.somaxconn=1024",
                "--env-add", "KEEP=me", "--constraint-add", "node.role==worker", name);
        long version = services.inspect(name).version();

        ServiceEditPreview preview = services.previewEdit(name, new ServiceEdit("{\"environment\": {\"LOG_LEVEL\": \"debug\"}}", Map.of(), null));
        assertThat(preview.version()).isEqualTo(version);
        assertThat(preview.proposed()).contains("LOG_LEVEL=debug").doesNotContain("KEEP=me");
        assertThat(preview.current()).contains("KEEP=me");
        assertThat(services.inspect(name).version()).as("a preview changes nothing").isEqualTo(version);

        services.edit(name, new ServiceEdit("{\"environment\": {\"LOG_LEVEL\": \"debug\"}}", Map.of(), version));

        JsonNode spec = spec(name);
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        assertThat(container.path("Env").toString()).isEqualTo("[\"LOG_LEVEL=debug\"]");
        assertThat(container.path("CapabilityAdd").toString()).isEqualTo("[\"CAP_NET_ADMIN\"]");
        assertThat(container.path("Sysctls").path("net.core.somaxconn").asText()).isEqualTo("1024");
        assertThat(container.path("Image").asText()).startsWith("ocr-worker:1.0");
        assertThat(spec.path("TaskTemplate").path("Placement").path("Constraints").toString()).isEqualTo("[\"node.role==worker\"]");
        assertThat(spec.path("Mode").path("Replicated").path("Replicas").asInt()).isEqualTo(2);
        assertThat(spec.path("Labels").path("it").asText()).isEqualTo("true");

        assertThatThrownBy(() -> services.edit(name, new ServiceEdit("{\"user\": \"nobody\"}", Map.of(), version)))
                .as("an edit reviewed against an older version").isInstanceOf(OperationConflictException.class)
                .hasMessageContaining("has changed since version " + version);
        assertThat(spec(name).path("TaskTemplate").path("ContainerSpec").has("User")).isFalse();

        services.edit(name, new ServiceEdit("{\"deploy\": {\"replicas\": 3}, \"environment\": null}", Map.of(), null));
        JsonNode after = spec(name);
        assertThat(after.path("Mode").path("Replicated").path("Replicas").asInt()).isEqualTo(3);
        assertThat(after.path("TaskTemplate").path("ContainerSpec").has("Env")).as("a key given as null removes it").isFalse();
        assertThat(after.path("TaskTemplate").path("ContainerSpec").path("Sysctls").path("net.core.somaxconn").asText()).isEqualTo("1024");
        Lab.awaitRunning(name, 3);
    }

    @Test
    void aBadImageUpdateIsRolledBack() {
        String name = unique("service", "it-rollback");
        Lab.createWorkerService(name, 1);
        assertThatThrownBy(() -> services.rollback(name)).isInstanceOf(OperationConflictException.class)
                .hasMessageContaining("no earlier spec");

        services.edit(name, new ServiceEdit("image: ocr-worker:does-not-exist", Map.of(), null));
        assertThat(spec(name).path("TaskTemplate").path("ContainerSpec").path("Image").asText()).isEqualTo("ocr-worker:does-not-exist");

        SwarmService rolledBack = services.rollback(name);

        assertThat(rolledBack.name()).isEqualTo(name);
        Lab.await(Duration.ofSeconds(30), () -> spec(name).path("TaskTemplate").path("ContainerSpec").path("Image").asText()
                .startsWith("ocr-worker:1.0"), () -> "the spec to be back on ocr-worker:1.0");
        assertThat(docker("service", "inspect", name, "--format", "{{.UpdateStatus.State}}")).startsWith("rollback_");
        Lab.awaitRunning(name, 1);
    }

    @Test
    void aRedeployReplacesEveryTaskOnTheSameSpec() {
        String name = unique("service", "it-redeploy");
        Lab.createWorkerService(name, 2);
        String before = docker("service", "ps", name, "--filter", "desired-state=running", "--format", "{{.ID}}");
        JsonNode specBefore = spec(name);

        services.redeploy(name);

        JsonNode specAfter = spec(name);
        assertThat(specAfter.path("TaskTemplate").path("ForceUpdate").asLong())
                .isEqualTo(specBefore.path("TaskTemplate").path("ForceUpdate").asLong() + 1);
        Lab.await(Duration.ofSeconds(60), () -> {
            String now = docker("service", "ps", name, "--filter", "desired-state=running", "--format", "{{.ID}} {{.CurrentState}}");
            return now.lines().count() == 2 && now.lines().allMatch(l -> l.contains("Running") && !before.contains(l.split(" ")[0]));
        }, () -> "two new running tasks in place of " + before);
    }
}
