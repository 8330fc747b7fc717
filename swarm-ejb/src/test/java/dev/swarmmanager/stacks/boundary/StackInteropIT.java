package dev.swarmmanager.stacks.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same stack file deployed by {@code docker stack deploy} and through us gives the same services, field by field
 * of the Engine's spec, and the same networks, secrets and configs. The files are modelled on public projects' stack
 * files (Docker's voting application, a Prometheus monitoring stack, a reverse proxy), not on our own.
 */
class StackInteropIT extends InContainer {

    private static final Path DIR = Path.of("src/test/resources/interop");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The reverse proxy's public network is made beforehand, as its documentation says. */
    private static final String PUBLIC = "interop-public";

    private static final String TMPFS_RUN = """
                  "Mounts" : [ {
                    "Type" : "tmpfs",
                    "Target" : "/run"
                  } ],
            """;

    @Inject
    Stacks stacks;
    private final String cli = Lab.uniqueName("cli");
    private final String ours = Lab.uniqueName("our");

    @BeforeAll
    static void publicNetwork() {
        docker("network", "create", "--driver", "overlay", "--attachable", PUBLIC);
    }

    @AfterAll
    static void removePublicNetwork() {
        Lab.await(Duration.ofSeconds(30), () -> {
            try {
                docker("network", "rm", PUBLIC);
                return true;
            } catch (AssertionError stillAttached) {
                return false;
            }
        }, () -> "the public network to be free");
    }

    @AfterEach
    void removeStacks() {
        remove(cli);
        remove(ours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"voting-app.yml", "monitoring.yml", "reverse-proxy.yml"})
    void aFileDeploysAsTheCliDeploysIt(String file) {
        docker("stack", "deploy", "--resolve-image", "never", "-c", DIR.resolve(file).toAbsolutePath().toString(), cli);
        Map<String, String> theirs = objects(cli);
        // Published ports are the cluster's: the CLI's stack goes before ours comes.
        remove(cli);

        stacks.deploy(new StackDeployment(ours, read(file), Map.of(), files(), false));
        Map<String, String> mine = objects(ours);
        if (file.equals("reverse-proxy.yml")) {
            // The one difference we mean: docker stack deploy ignores a service's tmpfs key (Compose's docs say it
            // works in Swarm mode, the CLI's loader drops it); we mount it, as a tmpfs mount the CLI can express.
            String web = mine.get("service web");
            assertThat(web).contains(TMPFS_RUN);
            mine.put("service web", web.replace(TMPFS_RUN, ""));
        }

        keep(file, "cli", theirs);
        keep(file, "ours", mine);
        assertThat(mine.keySet()).isEqualTo(theirs.keySet());
        SoftAssertions softly = new SoftAssertions();
        theirs.forEach((object, spec) -> softly.assertThat(mine.get(object)).as(file + ": " + object).isEqualTo(spec));
        softly.assertAll();
    }

    /** Both sides in target/interop, to compare with diff when they differ. */
    private static void keep(String file, String side, Map<String, String> objects) {
        try {
            Path dir = Files.createDirectories(Path.of("target/interop", file, side));
            for (Map.Entry<String, String> object : objects.entrySet()) {
                Files.writeString(dir.resolve(object.getKey().replace(' ', '-') + ".json"), object.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every object of the stack by kind and short name, its spec as JSON with the stack's name and the IDs taken out. */
    private static Map<String, String> objects(String stack) {
        Map<String, String> networkNames = new HashMap<>();
        docker("network", "ls", "--no-trunc", "--format", "{{.ID}} {{.Name}}").lines()
                .forEach(l -> networkNames.put(l.substring(0, l.indexOf(' ')), l.substring(l.indexOf(' ') + 1)));
        Map<String, String> objects = new TreeMap<>();
        String filter = "label=com.docker.stack.namespace=" + stack;
        for (String kind : new String[] {"service", "network", "secret", "config"}) {
            String ids = docker(kind, "ls", "-q", "--filter", filter);
            for (String id : ids.lines().toList()) {
                JsonNode object = parse(docker(kind, "inspect", id)).get(0);
                JsonNode spec = kind.equals("network") ? network(object) : object.get("Spec");
                String name = kind.equals("network") ? object.get("Name").asText() : spec.get("Name").asText();
                objects.put(kind + " " + name.substring(stack.length() + 1), normalized(spec, stack, networkNames));
            }
        }
        return objects;
    }

    /** What a stack's file decides about a network: its driver and its settings, not its addresses or ID. */
    private static JsonNode network(JsonNode inspected) {
        ObjectNode spec = JSON.createObjectNode();
        for (String field : new String[] {"Name", "Driver", "Scope", "Internal", "Attachable", "Ingress", "Options", "Labels"}) {
            spec.set(field, inspected.get(field));
        }
        spec.set("IPAMDriver", inspected.path("IPAM").path("Driver"));
        if (spec.get("Options") instanceof ObjectNode options) {
            options.remove("com.docker.network.driver.overlay.vxlanid_list"); // allocated by the Swarm, one per network
        }
        return spec;
    }

    private static String normalized(JsonNode spec, String stack, Map<String, String> networkNames) {
        ObjectNode copy = spec.deepCopy();
        JsonNode task = copy.path("TaskTemplate");
        for (JsonNode network : iterable(task.path("Networks"))) {
            ((ObjectNode) network).put("Target", networkNames.getOrDefault(network.path("Target").asText(), network.path("Target").asText()));
        }
        for (JsonNode secret : iterable(task.path("ContainerSpec").path("Secrets"))) {
            ((ObjectNode) secret).remove("SecretID");
        }
        for (JsonNode config : iterable(task.path("ContainerSpec").path("Configs"))) {
            ((ObjectNode) config).remove("ConfigID");
        }
        // The CLI always sends an empty Privileges object, which sets nothing: compared as absent.
        JsonNode privileges = task.path("ContainerSpec").path("Privileges");
        if (privileges.isObject() && privileges.path("CredentialSpec").isNull() && privileges.path("SELinuxContext").isNull()
                && !privileges.path("NoNewPrivileges").asBoolean() && privileges.size() == 3) {
            ((ObjectNode) task.path("ContainerSpec")).remove("Privileges");
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(JSON.writeValueAsString(copy)))
                    .replace(stack + "_", "STACK_").replace("\"" + stack + "\"", "\"STACK\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node instanceof ArrayNode array ? array : java.util.List.of();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> files() {
        return Map.of("./node.rules.yml", read("node.rules.yml"), "./prometheus.yml", read("prometheus.yml"),
                "./grafana-password.txt", read("grafana-password.txt"));
    }

    private static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void remove(String stack) {
        Lab.removeStack(stack);
    }
}
