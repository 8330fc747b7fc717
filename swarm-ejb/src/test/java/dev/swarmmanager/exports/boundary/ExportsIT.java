package dev.swarmmanager.exports.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.domain.ComposeDocument;
import dev.swarmmanager.domain.ServiceDefinition;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.lab.InContainer;
import jakarta.inject.Inject;
import dev.swarmmanager.services.boundary.Services;
import dev.swarmmanager.stacks.boundary.Stacks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Export, remove, deploy the export: the specs come back as they were (the docker CLI reads them before and after). */
class ExportsIT extends InContainer {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Exports exports;
    @Inject
    Services services;
    @Inject
    Stacks stacks;
    private final String secret = Lab.uniqueName("export-secret");
    private String service;
    private String stack;

    @AfterEach
    void removeThem() {
        if (service != null) {
            Lab.removeServiceQuietly(service);
        }
        if (stack != null) {
            try {
                docker("stack", "rm", stack);
            } catch (AssertionError ignored) {
                // gone
            }
        }
        Lab.await(Duration.ofSeconds(30), () -> {
            try {
                docker("secret", "rm", secret);
                return true;
            } catch (AssertionError stillUsedOrGone) {
                return docker("secret", "ls", "--filter", "name=" + secret, "-q").isEmpty();
            }
        }, () -> "the secret to go");
    }

    @Test
    void aServiceExportedRemovedAndCreatedFromTheExportHasTheSameSpec() throws IOException {
        docker("secret", "create", secret, file("s3cret"));
        service = Lab.uniqueName("export-svc");
        services.create(new ServiceDefinition(service, """
                image: ocr-worker:1.0
                command: ["sh", "-c", "echo $$HOME; exec sleep 3600"]
                environment: {PRICE: "5$$", LEVEL: debug}
                labels: {team: ocr}
                user: "65534"
                working_dir: /tmp
                stop_grace_period: 1500ms
                read_only: true
                cap_drop: [NET_RAW]
                extra_hosts: ["db.local:10.0.0.5"]
                sysctls: {net.core.somaxconn: "1024"}
                ulimits: {nofile: {soft: 1024, hard: 2048}}
                ports: [{target: 8080, published: 18491, mode: host}]
                volumes:
                  - {type: tmpfs, target: /scratch, tmpfs: {size: 1048576}}
                  - {type: volume, target: /cache}
                secrets: [{source: %s, target: token, mode: 0400}]
                healthcheck: {test: ["CMD", "true"], interval: 5s, retries: 2}
                logging: {driver: json-file, options: {max-size: 1m}}
                deploy:
                  replicas: 2
                  labels: {purpose: export-test}
                  placement: {constraints: ["node.role==worker"], preferences: [{spread: node.id}], max_replicas_per_node: 1}
                  resources: {limits: {cpus: "0.25", memory: 32M, pids: 100}, reservations: {memory: 4M}}
                  restart_policy: {condition: on-failure, delay: 2s, max_attempts: 3}
                  update_config: {parallelism: 1, delay: 1s, failure_action: rollback, order: start-first}
                  rollback_config: {parallelism: 2, monitor: 3s}
                """.formatted(secret), Map.of()));
        String before = docker("service", "inspect", service, "--format", "{{json .Spec}}");
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Env}}"))
                .isEqualTo("[LEVEL=debug PRICE=5$]");

        ComposeDocument exported = exports.service(service);

        assertThat(exported.warnings()).isEmpty();
        assertThat(exported.yaml()).contains("PRICE=5$$", "source: " + secret, "target: token", "mode: '0400'");
        Lab.removeServiceQuietly(service);
        services.create(new ServiceDefinition(service, exported.yaml(), Map.of()));
        assertThat(tree(docker("service", "inspect", service, "--format", "{{json .Spec}}"))).isEqualTo(tree(before));
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Env}}"))
                .as("a $ in a value survives the way back").isEqualTo("[LEVEL=debug PRICE=5$]");
    }

    @Test
    void aStackExportedRemovedAndDeployedFromTheExportHasTheSameSpecs() throws IOException {
        docker("secret", "create", secret, file("s3cret"));
        stack = Lab.uniqueName("export-stack").replace('-', '_');
        String file = """
                version: "3.8"
                services:
                  web:
                    image: ocr-worker:1.0
                    command: ["sleep", "3600"]
                    networks:
                      front: {aliases: [www]}
                      back:
                    volumes: ["data:/data", "/srv:/srv:ro"]
                    secrets: [token]
                    deploy: {replicas: 1, labels: {tier: web}}
                  worker:
                    image: ocr-worker:1.0
                    command: ["sleep", "3600"]
                    networks: [back]
                    deploy: {mode: global, placement: {constraints: ["node.role==worker"]}}
                networks:
                  front: {attachable: true, labels: {zone: dmz}}
                  back: {driver_opts: {encrypted: "true"}}
                volumes:
                  data: {labels: {backup: daily}}
                secrets:
                  token: {external: true, name: %s}
                """.formatted(secret);
        stacks.deploy(new StackDeployment(stack, file, Map.of(), Map.of(), false));
        Map<String, JsonNode> before = stackSpecs();

        ComposeDocument exported = exports.stack(stack);

        assertThat(exported.warnings()).isEmpty();
        docker("stack", "rm", stack);
        Lab.await(Duration.ofSeconds(60), () -> docker("network", "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "-q").isEmpty(),
                () -> "the stack's networks to go");
        stacks.deploy(new StackDeployment(stack, exported.yaml(), Map.of(), Map.of(), false));
        assertThat(stackSpecs()).isEqualTo(before);
        assertThat(docker("network", "inspect", stack + "_front", "--format", "{{.Attachable}} {{.Labels.zone}}")).isEqualTo("true dmz");
        assertThat(docker("network", "inspect", stack + "_back", "--format", "{{index .Options \"encrypted\"}}")).isEqualTo("true");

        byte[] archive = exports.archive();
        Map<String, String> entries = unzip(archive);
        assertThat(entries).containsKey("stacks/" + stack + ".yml").containsKey("WARNINGS.txt");
        assertThat(entries.get("stacks/" + stack + ".yml")).isEqualTo(exported.yaml());
    }

    @Test
    void whatComposeCannotSayIsNamedInTheWarnings() {
        service = Lab.uniqueName("export-svc");
        Lab.createWorkerService(service, 1);
        docker("service", "update", "--detach", "--group-add", "1000", "--dns-option-add", "ndots:2", service);

        ComposeDocument exported = exports.service(service);

        assertThat(exported.warnings()).anySatisfy(w -> assertThat(w).contains("Groups", "DNSConfig.Options", "not in the file"));
    }

    /** Each service's spec, its networks named instead of by ID (a network made again has a new ID). */
    private Map<String, JsonNode> stackSpecs() {
        Map<String, JsonNode> specs = new HashMap<>();
        for (String name : docker("stack", "services", stack, "--format", "{{.Name}}").lines().toList()) {
            ObjectNode spec = (ObjectNode) tree(docker("service", "inspect", name, "--format", "{{json .Spec}}"));
            spec.path("TaskTemplate").path("Networks").forEach(n ->
                    ((ObjectNode) n).put("Target", docker("network", "inspect", n.path("Target").asText(), "--format", "{{.Name}}")));
            spec.path("TaskTemplate").path("ContainerSpec").path("Secrets").forEach(s -> ((ObjectNode) s).remove("SecretID"));
            specs.put(name, spec);
        }
        return specs;
    }

    private static Map<String, String> unzip(byte[] archive) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String file(String content) throws IOException {
        Path file = Files.createTempFile("export-it", ".txt");
        Files.writeString(file, content);
        file.toFile().deleteOnExit();
        return file.toString();
    }
}
