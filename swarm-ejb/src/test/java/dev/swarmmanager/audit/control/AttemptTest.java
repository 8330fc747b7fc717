package dev.swarmmanager.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.ServiceDefinition;
import dev.swarmmanager.domain.ServiceEdit;
import dev.swarmmanager.domain.StackDeployment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttemptTest {

    static class Operations {
        @Audited("services.scale")
        public void scale(String reference, long replicas) {
        }

        @Audited
        public void rotate(String reference, String secretValue, String clientToken) {
        }

        @Audited("stacks.deploy")
        public void deploy(StackDeployment deployment) {
        }

        @Audited("stacks.redeploy-version")
        public void redeployVersion(String stack, int version, Map<String, String> variables, Map<String, String> files) {
        }

        @Audited("services.create")
        public void create(ServiceDefinition definition) {
        }

        @Audited("services.edit")
        public void edit(String reference, ServiceEdit edit) {
        }
    }

    @Test
    void theFirstNameIsTheTargetAndTheOtherArgumentsAreParametersByName() throws Exception {
        Attempt attempt = Attempt.of(Operations.class.getMethod("scale", String.class, long.class), new Object[] {"web", 3L});

        assertThat(attempt.action()).isEqualTo("services.scale");
        assertThat(attempt.target()).isEqualTo("web");
        assertThat(attempt.parameters()).containsExactly(Map.entry("replicas", "3"));
    }

    @Test
    void argumentsNamedLikeSecretsAreRedacted() throws Exception {
        Attempt attempt = Attempt.of(Operations.class.getMethod("rotate", String.class, String.class, String.class),
                new Object[] {"db", "hunter2", "SWMTKN-1-abc"});

        assertThat(attempt.action()).as("default name").isEqualTo("operations.rotate");
        assertThat(attempt.parameters()).containsEntry("secretValue", "[redacted]").containsEntry("clientToken", "[redacted]");
        assertThat(attempt.parameters().values()).noneMatch(v -> v.contains("hunter2") || v.contains("SWMTKN"));
    }

    @Test
    void aServiceKeepsItsNameAndSizesButNeverItsSettingsOrValues() throws Exception {
        Attempt created = Attempt.of(Operations.class.getMethod("create", ServiceDefinition.class),
                new Object[] {new ServiceDefinition("web", "{\"environment\": {\"DB_PASSWORD\": \"hunter2\"}}", Map.of("TAG", "s3cret"))});
        Attempt edited = Attempt.of(Operations.class.getMethod("edit", String.class, ServiceEdit.class),
                new Object[] {"web", new ServiceEdit("environment: {DB_PASSWORD: hunter2}", Map.of("TAG", "s3cret"), 7L)});

        assertThat(created.target()).isEqualTo("web");
        assertThat(created.parameters()).containsEntry("service_bytes", "43").containsEntry("variables", "TAG");
        assertThat(edited.target()).isEqualTo("web");
        assertThat(edited.parameters()).containsEntry("version", "7").containsEntry("variables", "TAG");
        for (Attempt attempt : java.util.List.of(created, edited)) {
            assertThat(attempt.parameters().values()).noneMatch(v -> v.contains("hunter2") || v.contains("s3cret"));
        }
    }

    @Test
    void mapsAreKeptByTheirKeysOnly() throws Exception {
        Attempt attempt = Attempt.of(Operations.class.getMethod("redeployVersion", String.class, int.class, Map.class, Map.class),
                new Object[] {"ocr", 3, Map.of("DB_PASSWORD", "hunter2", "TAG", "1.0"), Map.of("./secret.txt", "s3cret")});

        assertThat(attempt.parameters()).containsEntry("variables", "DB_PASSWORD,TAG").containsEntry("files", "./secret.txt")
                .containsEntry("version", "3");
        assertThat(attempt.parameters().values()).noneMatch(v -> v.contains("hunter2") || v.contains("s3cret"));
    }

    @Test
    void aStackKeepsItsNameAndSizesButNotItsFileOrValues() throws Exception {
        var deployment = new StackDeployment("ocr", "services:\n  w:\n    environment: [PASSWORD=${DB_PASSWORD}]\n",
                Map.of("DB_PASSWORD", "s3cret"), Map.of("./key.pem", "-----BEGIN KEY-----"), true);

        Attempt attempt = Attempt.of(Operations.class.getMethod("deploy", StackDeployment.class), new Object[] {deployment});

        assertThat(attempt.target()).isEqualTo("ocr");
        assertThat(attempt.parameters()).containsEntry("variables", "DB_PASSWORD").containsEntry("files", "./key.pem")
                .containsEntry("prune", "true").containsKey("compose_bytes");
        assertThat(attempt.parameters().toString()).doesNotContain("s3cret", "BEGIN KEY", "environment");
    }
}
