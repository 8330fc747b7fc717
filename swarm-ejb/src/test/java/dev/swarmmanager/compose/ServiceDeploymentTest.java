package dev.swarmmanager.compose;

import static dev.swarmmanager.compose.Specs.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a service is deployed and reached: mode and replicas, update and rollback settings, endpoint and ports. */
class ServiceDeploymentTest {

    private static ComposeNode node(String path, Object value) {
        return new ComposeNode(path, value);
    }

    @Test
    void replicatedByDefaultWithOneReplicaAndGlobalWithNone() {
        ObjectNode spec = JSON.createObjectNode();
        assertThat(ServiceDeployment.mode(node("services.app.deploy", Map.of()), spec)).as("replicas set").isFalse();
        assertThat(spec.path("Mode").toString()).isEqualTo("{\"Replicated\":{\"Replicas\":1}}");
        assertThat(ServiceDeployment.mode(node("services.app.deploy", Map.of("replicas", 3)), JSON.createObjectNode())).isTrue();
        assertThatThrownBy(() -> ServiceDeployment.mode(node("services.app.deploy", Map.of("mode", "global", "replicas", 2)),
                JSON.createObjectNode())).hasMessage("in stack_file, services.app.deploy.replicas cannot be set for a global service");
    }

    @Test
    void updateSettingsAreCheckedAgainstTheWordsSwarmKnows() {
        ObjectNode spec = JSON.createObjectNode();
        ServiceDeployment.updateConfig(node("services.app.deploy.update_config", Map.of("order", "start-first")), spec, "UpdateConfig");
        assertThat(spec.path("UpdateConfig").toString()).isEqualTo("{\"Parallelism\":1,\"Order\":\"start-first\"}");
        assertThatThrownBy(() -> ServiceDeployment.updateConfig(node("services.app.deploy.rollback_config",
                Map.of("failure_action", "panic")), JSON.createObjectNode(), "RollbackConfig"))
                .hasMessageContaining("services.app.deploy.rollback_config.failure_action must be continue, rollback or pause");
    }

    @Test
    void portsAreSortedAndTheEndpointModeChecked() {
        ObjectNode spec = JSON.createObjectNode();
        List<String> warnings = new ArrayList<>();
        ServiceDeployment.endpoint(node("services.app.deploy.endpoint_mode", null),
                node("services.app.ports", List.of("8080:80", "53/udp")), spec, warnings);
        assertThat(spec.path("EndpointSpec").toString()).isEqualTo("{\"Mode\":\"vip\",\"Ports\":["
                + "{\"Protocol\":\"udp\",\"TargetPort\":53,\"PublishMode\":\"ingress\"},"
                + "{\"Protocol\":\"tcp\",\"TargetPort\":80,\"PublishMode\":\"ingress\",\"PublishedPort\":8080}]}");
        assertThatThrownBy(() -> ServiceDeployment.endpoint(node("services.app.deploy.endpoint_mode", "round-robin"),
                node("services.app.ports", null), JSON.createObjectNode(), warnings)).hasMessageContaining("must be vip or dnsrr");
    }
}
