package dev.swarmmanager.compose;

import static dev.swarmmanager.compose.Specs.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A stack's secrets, configs and networks: defined, external, and referenced by the services. */
class StackObjectsTest {

    private final Map<String, String> paths = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final StackObjects objects = new StackObjects(new StackScope("ocr"), Map.of("./db_password.txt", "s3cret"), warnings, paths);

    private static ComposeNode node(String path, Object value) {
        return new ComposeNode(path, value);
    }

    @Test
    void definedObjectsAreScopedAndExternalOnesKeepTheirNames() {
        Map<String, ObjectNode> specs = new TreeMap<>();
        List<String> external = new ArrayList<>();
        Map<String, String> names = objects.fileObjects(node("secrets", Map.of(
                "db", Map.of("file", "db_password.txt"),
                "tls", Map.of("external", true, "name", "site-tls"))), "secret", specs, external);
        assertThat(names).containsEntry("db", "ocr_db").containsEntry("tls", "site-tls");
        assertThat(external).containsExactly("site-tls");
        assertThat(specs.get("ocr_db").path("Data").asText()).isEqualTo("czNjcmV0"); // base64 of the file sent as ./db_password.txt
        assertThat(specs.get("ocr_db").path("Labels").path("com.docker.stack.namespace").asText()).isEqualTo("ocr");
        assertThat(paths).containsEntry(StackPlan.key("secret", "site-tls"), "secrets.tls");
    }

    @Test
    void aFileThatWasNotSentIsNamedInTheError() {
        assertThatThrownBy(() -> objects.fileObjects(node("configs", Map.of("conf", Map.of("file", "./app.conf"))), "config",
                new TreeMap<>(), new ArrayList<>())).hasMessageContaining("configs.conf.file names './app.conf', whose content was not sent");
    }

    @Test
    void aReferenceToAnUndefinedSecretIsAnErrorAtItsPlace() {
        ObjectNode container = JSON.createObjectNode();
        objects.references(node("services.app.secrets", List.of("db")), Map.of("db", "ocr_db"), "secret", "Secrets", "SecretName", container);
        assertThat(container.path("Secrets").toString())
                .isEqualTo("[{\"File\":{\"Name\":\"db\",\"UID\":\"0\",\"GID\":\"0\",\"Mode\":292},\"SecretName\":\"ocr_db\"}]");
        assertThatThrownBy(() -> objects.references(node("services.app.secrets", List.of("nope")), Map.of(), "secret", "Secrets",
                "SecretName", JSON.createObjectNode())).hasMessageContaining("services.app.secrets[0] refers to secret 'nope'");
    }

    @Test
    void everyServiceIsOnTheDefaultNetworkUnlessItNamesOthers() {
        var attached = objects.networks("app", node("services.app.networks", null), node("networks", null), new java.util.TreeSet<>());
        assertThat(attached.toString()).isEqualTo("[{\"Target\":\"ocr_default\",\"Aliases\":[\"app\"]}]");
    }
}
