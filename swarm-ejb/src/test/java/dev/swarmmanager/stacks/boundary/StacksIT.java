package dev.swarmmanager.stacks.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.StackDeployResult;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.domain.StackSummary;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stacks against the lab, with the docker CLI's own stack commands as the witness. */
class StacksIT extends InContainer {

    private static final Path DIR = Path.of("src/test/resources/stacks");
    private static final Map<String, String> FILES = Map.of(
            "./api_key.txt", read("api_key.txt"), "./worker.conf", read("worker.conf"));

    @Inject
    Stacks stacks;
    private final String stack = Lab.uniqueName("st");

    @AfterEach
    void removeStack() {
        Lab.removeStack(stack);
    }

    @Test
    void aStackWithTwoServicesANetworkASecretAndAConfigDeploysAsTheCliSeesIt() {
        StackDeployResult result = stacks.deploy(deployment(read("ocr.yml"), false));

        assertThat(result.created()).containsExactlyInAnyOrder(stack + "_worker", stack + "_monitor");
        assertThat(result.networks()).containsExactly(stack + "_backend");
        assertThat(result.secrets()).containsExactly(stack + "_api_key");
        assertThat(result.configs()).containsExactly(stack + "_worker_config");
        assertThat(docker("stack", "ls", "--format", "{{.Name}} {{.Services}}").lines()).contains(stack + " 2");
        assertThat(docker("stack", "services", stack, "--format", "{{.Name}} {{.Mode}} {{.Image}}").lines())
                .containsExactlyInAnyOrder(stack + "_worker replicated ocr-worker:1.0", stack + "_monitor global ocr-worker:1.0");

        String worker = stack + "_worker";
        assertThat(inspect(worker, "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("2");
        assertThat(inspect(worker, "{{json .Spec.TaskTemplate.ContainerSpec.Env}}"))
                .isEqualTo("[\"OCR_WORKER_INTERVAL=1\",\"QUEUE=pages\"]");
        assertThat(inspect(worker, "{{index .Spec.Labels \"com.example.role\"}} {{index .Spec.TaskTemplate.ContainerSpec.Labels \"team\"}}"))
                .isEqualTo("worker ocr");
        assertThat(inspect(worker, "{{json .Spec.TaskTemplate.Placement.Constraints}}")).isEqualTo("[\"node.role == worker\"]");
        assertThat(inspect(worker, "{{.Spec.TaskTemplate.Resources.Limits.NanoCPUs}} {{.Spec.TaskTemplate.Resources.Limits.MemoryBytes}}"))
                .isEqualTo("500000000 67108864");
        assertThat(inspect(worker, "{{.Spec.UpdateConfig.Order}} {{.Spec.UpdateConfig.Delay}}")).isEqualTo("start-first 1s");
        assertThat(inspect(worker, "{{.Spec.TaskTemplate.RestartPolicy.Condition}} {{.Spec.TaskTemplate.RestartPolicy.MaxAttempts}}"))
                .isEqualTo("on-failure 3");
        assertThat(inspect(worker, "{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}}:{{.File.Name}}:{{printf \"%o\" .File.Mode}}{{end}}"))
                .isEqualTo(stack + "_api_key:api-key:400");
        assertThat(inspect(worker, "{{range .Spec.TaskTemplate.ContainerSpec.Configs}}{{.ConfigName}}{{end}}"))
                .isEqualTo(stack + "_worker_config");
        assertThat(docker("config", "inspect", stack + "_worker_config", "--format", "{{printf \"%s\" .Spec.Data}}"))
                .isEqualTo("threads=2");
        assertThat(docker("network", "inspect", stack + "_backend", "--format", "{{.Driver}} {{.Scope}} {{.Attachable}}"))
                .isEqualTo("overlay swarm true");
        Lab.awaitRunning(worker, 2);
    }

    @Test
    void redeployingWithOneChangedImageUpdatesOnlyThatService() {
        stacks.deploy(deployment(read("ocr.yml"), false));
        Lab.awaitRunning(stack + "_worker", 2);
        String monitorTasks = docker("service", "ps", stack + "_monitor", "-q");
        String workerVersion = inspect(stack + "_worker", "{{.Version.Index}}");

        StackDeployResult result = stacks.deploy(deployment(read("ocr.yml")
                .replace("image: ocr-worker:1.0\n  stop_grace_period: 2s", "image: ocr-worker:2.0\n  stop_grace_period: 2s"), false));

        assertThat(result.updated()).containsExactlyInAnyOrder(stack + "_worker", stack + "_monitor");
        assertThat(result.created()).isEmpty();
        assertThat(inspect(stack + "_worker", "{{.Spec.TaskTemplate.ContainerSpec.Image}}")).isEqualTo("ocr-worker:2.0");
        assertThat(Long.parseLong(inspect(stack + "_worker", "{{.Version.Index}}"))).isGreaterThan(Long.parseLong(workerVersion));
        assertThat(inspect(stack + "_monitor", "{{.Spec.TaskTemplate.ContainerSpec.Image}}")).isEqualTo("ocr-worker:1.0");
        Lab.await(java.time.Duration.ofSeconds(60), () -> inspect(stack + "_worker", "{{.UpdateStatus.State}}").equals("completed"),
                () -> "the worker's rolling update to complete");
        assertThat(docker("service", "ps", stack + "_monitor", "-q")).as("the unchanged service kept its tasks")
                .isEqualTo(monitorTasks);
    }

    @Test
    void aRedeployKeepsTheReplicasAnOperatorScaledToWhenTheFileSetsNone() {
        String file = read("ocr.yml").replace("      replicas: 2\n", "");
        stacks.deploy(deployment(file, false));
        docker("service", "scale", "--detach", stack + "_worker=3");
        stacks.deploy(deployment(file, false));
        assertThat(inspect(stack + "_worker", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("3");
    }

    @Test
    void pruneRemovesADroppedService() {
        stacks.deploy(deployment(read("ocr.yml"), false));
        String withoutMonitor = read("ocr.yml").replaceAll("(?s)  monitor:.*?mode: global\n", "");

        StackDeployResult kept = stacks.deploy(deployment(withoutMonitor, false));
        assertThat(kept.removed()).isEmpty();
        assertThat(docker("stack", "services", stack, "--format", "{{.Name}}").lines()).contains(stack + "_monitor");

        StackDeployResult pruned = stacks.deploy(deployment(withoutMonitor, true));
        assertThat(pruned.removed()).containsExactly(stack + "_monitor");
        assertThat(docker("stack", "services", stack, "--format", "{{.Name}}").lines()).containsExactly(stack + "_worker");
    }

    @Test
    void aStackDeployedByTheCliIsListedAndRemovableByUs() {
        docker("stack", "deploy", "--resolve-image", "never", "-c", DIR.resolve("ocr.yml").toAbsolutePath().toString(), stack);

        // The list is the mirror's, which the event watch brings up to date a moment after the CLI's deployment.
        Lab.await(Duration.ofSeconds(30), () -> stacks.list().stream().anyMatch(s -> s.name().equals(stack) && s.services() == 2),
                () -> "the list to show the CLI's stack with its two services");
        List<StackSummary> listed = stacks.list();
        assertThat(listed).filteredOn(s -> s.name().equals(stack)).singleElement()
                .satisfies(s -> assertThat(s.services()).isEqualTo(2));

        List<String> removed = stacks.remove(stack);
        assertThat(removed).contains(stack + "_worker", stack + "_monitor", stack + "_backend", stack + "_api_key",
                stack + "_worker_config");
        assertThat(docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(stack);
        assertThat(docker("secret", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack)).isEmpty();
        assertThatThrownBy(() -> stacks.remove(stack)).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("stack '" + stack + "' not found");
    }

    @Test
    void weUpdateAStackTheCliDeployed() {
        docker("stack", "deploy", "--resolve-image", "never", "-c", DIR.resolve("ocr.yml").toAbsolutePath().toString(), stack);
        StackDeployResult result = stacks.deploy(deployment(read("ocr.yml").replace("replicas: 2", "replicas: 1"), false));
        assertThat(result.updated()).contains(stack + "_worker");
        assertThat(result.secrets()).isEmpty();
        assertThat(inspect(stack + "_worker", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("1");
    }

    @Test
    void invalidFilesChangeNothingAndNameTheProblem() {
        assertThatThrownBy(() -> stacks.deploy(deployment("services:\n  worker:\n    image: [unclosed\n", false)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not valid YAML at line");
        assertThatThrownBy(() -> stacks.deploy(deployment(read("ocr.yml").replace("replicas: 2", "replicas: three"), false)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("in stack_file, services.worker.deploy.replicas must be a whole number (got 'three')");
        assertThatThrownBy(() -> stacks.deploy(deployment(read("ocr.yml") + "\nservicez:\n  a: {}\n", false)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("unknown top-level key 'servicez'");
        assertThatThrownBy(() -> stacks.deploy(deployment(read("ocr.yml").replace("version: \"3.8\"", "version: \"2.4\""), false)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> stacks.deploy(new StackDeployment(stack, read("ocr.yml"), Map.of(), Map.of(), false)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("secrets.api_key.file");
        assertThatThrownBy(() -> stacks.deploy(deployment(read("ocr.yml").replace("\"${INTERVAL:-1}\"", "\"${INTERVAL:?set the interval}\""), false)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("needs variable INTERVAL")
                .hasMessageContaining("set the interval");
        assertThat(docker("stack", "ls", "--format", "{{.Name}}").lines()).doesNotContain(stack);
        assertThat(docker("secret", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack)).isEmpty();
        assertThat(docker("network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack)).isEmpty();
    }

    @Test
    void aMissingExternalNetworkChangesNothing() {
        String file = read("ocr.yml").replace("    driver: overlay\n    attachable: true\n", "    external: true\n    name: nowhere-net\n");
        assertThatThrownBy(() -> stacks.deploy(deployment(file, false)))
                .isInstanceOf(OperationConflictException.class).hasMessageContaining("nowhere-net");
        assertThat(docker("secret", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack)).isEmpty();
    }

    @Test
    void volumesAreMountedAsTheCliMountsThemAndTheirDataOutlivesATask() throws IOException {
        String file = """
                version: "3.8"
                services:
                  db:
                    image: ocr-worker:1.0
                    stop_grace_period: 1s
                    deploy:
                      placement: {constraints: [node.hostname == worker1]}
                    volumes:
                      - data:/data
                      - /scratch
                      - {type: tmpfs, target: /run/cache, tmpfs: {size: 16777216}}
                    tmpfs: /tmp
                volumes:
                  data:
                    labels: {backup: daily}
                """;
        stacks.deploy(deployment(file, false));
        String cliStack = stack + "-cli";
        Path compose = Files.createTempFile("volumes", ".yml");
        try {
            Files.writeString(compose, file.replace("    tmpfs: /tmp\n", "")); // the CLI ignores the tmpfs key: compared without it
            docker("stack", "deploy", "--resolve-image", "never", "-c", compose.toString(), cliStack);
            String ours = inspect(stack + "_db", "{{json .Spec.TaskTemplate.ContainerSpec.Mounts}}");
            String theirs = inspect(cliStack + "_db", "{{json .Spec.TaskTemplate.ContainerSpec.Mounts}}");
            assertThat(ours.replace(stack + "_", "STACK_").replace("\"" + stack + "\"", "\"STACK\""))
                    .isEqualTo(theirs.replace(cliStack + "_", "STACK_").replace("\"" + cliStack + "\"", "\"STACK\"")
                            .replace("]", ",{\"Type\":\"tmpfs\",\"Target\":\"/tmp\"}]"));
        } finally {
            Files.deleteIfExists(compose);
            Lab.removeStack(cliStack);
        }

        // What a task writes to the named volume is there for the next task on the node (it was lost before: the
        // volumes were ignored, and the data was written into the container).
        String service = stack + "_db";
        Lab.awaitRunning(service, 1);
        Lab.dockerOn("worker1", "exec", container(service), "sh", "-c", "echo kept > /data/page-1");
        String first = container(service);
        docker("service", "update", "--force", "--detach", service);
        Lab.await(Duration.ofSeconds(60), () -> {
            String now = container(service);
            return !now.isEmpty() && !now.equals(first);
        }, () -> "a new task of " + service);
        assertThat(Lab.dockerOn("worker1", "exec", container(service), "cat", "/data/page-1")).isEqualTo("kept");
        assertThat(Lab.dockerOn("worker1", "volume", "inspect", stack + "_data", "--format",
                "{{index .Labels \"com.docker.stack.namespace\"}} {{index .Labels \"backup\"}}")).isEqualTo(stack + " daily");
    }

    /** The running container of the service's one task on worker1, or "". */
    private static String container(String service) {
        return Lab.dockerOn("worker1", "ps", "-q", "--filter", "label=com.docker.swarm.service.name=" + service,
                "--filter", "status=running").lines().findFirst().orElse("");
    }

    @Test
    void unsupportedKeysComeBackAsWarnings() {
        String file = read("ocr.yml").replace("  monitor:\n", "  monitor:\n    container_name: mon\n    depends_on: [worker]\n");
        StackDeployResult result = stacks.deploy(deployment(file, false));
        assertThat(result.warnings()).contains(
                "services.monitor.container_name is not supported for Swarm services and was ignored",
                "services.monitor.depends_on is not supported for Swarm services and was ignored");
    }

    private StackDeployment deployment(String file, boolean prune) {
        return new StackDeployment(stack, file, Map.of(), FILES, prune);
    }

    private static String inspect(String service, String format) {
        return docker("service", "inspect", service, "--format", format);
    }

    private static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
