package dev.swarmmanager.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

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
