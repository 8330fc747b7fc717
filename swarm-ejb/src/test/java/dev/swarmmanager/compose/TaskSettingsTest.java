package dev.swarmmanager.compose;

import static dev.swarmmanager.compose.Specs.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service's task settings, one Compose key at a time, as the docker CLI writes them into the Engine's spec. */
class TaskSettingsTest {

    private static final ComposeNode MISSING = new ComposeNode("services.app.deploy.restart_policy", null);

    private static ComposeNode node(String path, Object value) {
        return new ComposeNode(path, value);
    }

    @Test
    void theLegacyRestartKeyBecomesARestartPolicyUnlessDeploySetsOne() {
        ObjectNode task = JSON.createObjectNode();
        TaskSettings.restartPolicy(node("services.app.restart", "on-failure:5"), MISSING, task);
        assertThat(task.path("RestartPolicy").toString()).isEqualTo("{\"Condition\":\"on-failure\",\"MaxAttempts\":5}");

        task = JSON.createObjectNode();
        TaskSettings.restartPolicy(node("services.app.restart", "unless-stopped"),
                node("services.app.deploy.restart_policy", Map.of("condition", "none")), task);
        assertThat(task.path("RestartPolicy").toString()).as("deploy's wins").isEqualTo("{\"Condition\":\"none\"}");

        assertThatThrownBy(() -> TaskSettings.restartPolicy(node("services.app.restart", "sometimes"), MISSING, JSON.createObjectNode()))
                .hasMessageContaining("services.app.restart must be no, always, unless-stopped or on-failure[:N]");
    }

    @Test
    void aUlimitIsOneNumberOrASoftAndAHardOne() {
        ObjectNode container = JSON.createObjectNode();
        TaskSettings.ulimits(node("services.app.ulimits", Map.of("nproc", 512)), container);
        assertThat(container.path("Ulimits").toString()).isEqualTo("[{\"Name\":\"nproc\",\"Soft\":512,\"Hard\":512}]");
        assertThatThrownBy(() -> TaskSettings.ulimits(node("services.app.ulimits", Map.of("nofile", Map.of("soft", 1024))),
                JSON.createObjectNode())).hasMessageContaining("services.app.ulimits.nofile.hard is required");
    }

    @Test
    void theEnvironmentIsSortedSoThatReorderingAFileRestartsNothing() {
        assertThat(TaskSettings.environment(Map.of("B", "from a file", "D", "4"), node("services.app.environment", List.of("B=2", "A=one", "C"))))
                .containsExactly("A=one", "B=2", "C", "D=4");
        assertThat(TaskSettings.environment(Map.of(), node("services.app.environment", null))).isNull();
    }

    @Test
    void resourcesAndPlacement() {
        ObjectNode task = JSON.createObjectNode();
        TaskSettings.resources(node("services.app.deploy.resources", Map.of("limits", Map.of("cpus", "0.5", "memory", "64M"))), task);
        assertThat(task.path("Resources").toString()).isEqualTo("{\"Limits\":{\"NanoCPUs\":500000000,\"MemoryBytes\":67108864}}");
        TaskSettings.placement(node("services.app.deploy.placement", Map.of("constraints", List.of("node.role==worker"))), task);
        assertThat(task.path("Placement").toString()).isEqualTo("{\"Constraints\":[\"node.role==worker\"]}");
    }
}
