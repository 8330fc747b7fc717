package dev.swarmmanager.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.LocalNodeState;
import dev.swarmmanager.domain.ManagerStatus;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.PublishedPort;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmInfo;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.ServiceResources;
import dev.swarmmanager.domain.CpuMemory;
import dev.swarmmanager.domain.Placement;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.domain.UpdateStatus;
import dev.swarmmanager.rest.json.Envelope;
import dev.swarmmanager.rest.json.JsonMapping;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's data class tests: each record serialises to the JSON the API returns. */
class DataClassJsonTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private final Jsonb jsonb = JsonMapping.create();

    private JsonObject json(Object value) {
        return Json.createReader(new StringReader(jsonb.toJson(value))).readObject();
    }

    @Test
    void swarmNodeToJson() {
        SwarmNode node = new SwarmNode("n1", "manager1", NodeRole.MANAGER, NodeAvailability.DRAIN, NodeState.READY,
                ManagerStatus.LEADER, "198.18.0.11:2377", "198.18.0.11", "20.10.24", "linux", "x86_64", 2.0, 1024,
                Map.of("zone", "a"), Map.of(), T, null, 7);
        JsonObject json = json(node);
        assertThat(json.keySet()).containsExactlyInAnyOrder("id", "hostname", "role", "availability", "state", "manager_status",
                "manager_address", "address", "engine_version", "os", "architecture", "cpus", "memory_bytes", "labels",
                "engine_labels", "created_at", "updated_at", "version");
        assertThat(json.getString("availability")).isEqualTo("drain");
        assertThat(json.getString("manager_status")).isEqualTo("leader");
        assertThat(json.getString("created_at")).isEqualTo("2026-11-27T10:00:00Z");
        assertThat(json.isNull("updated_at")).isTrue();
        assertThat(json.getJsonObject("labels").getString("zone")).isEqualTo("a");
    }

    @Test
    void swarmServiceToJson() {
        SwarmService service = new SwarmService("s1", "ocr-worker", "ocr-worker:1.0", ServiceMode.REPLICATED, 3, 2,
                List.of(new PublishedPort("tcp", 80, 8080, "ingress")), Map.of("com.docker.stack.namespace", "ocr"), "ocr",
                new UpdateStatus("completed", "update completed", T, T), T, T, 12, List.of("capabilities SYS_ADMIN"),
                new ServiceResources(new CpuMemory(0.5, 268435456), new CpuMemory(1.25, 0)),
                new Placement(List.of("node.role==worker"), 2));
        JsonObject json = json(service);
        assertThat(json.keySet()).containsExactlyInAnyOrder("id", "name", "image", "mode", "desired_replicas", "running_replicas",
                "ports", "labels", "stack", "update_status", "created_at", "updated_at", "version", "privileges", "resources", "placement");
        assertThat(json.getJsonObject("resources").getJsonObject("reservations").keySet())
                .containsExactlyInAnyOrder("cpus", "memory_bytes");
        assertThat(json.getJsonObject("resources").getJsonObject("reservations").getJsonNumber("cpus").doubleValue()).isEqualTo(0.5);
        assertThat(json.getJsonObject("resources").getJsonObject("limits").getJsonNumber("cpus").doubleValue()).isEqualTo(1.25);
        assertThat(json.getJsonObject("placement").getInt("max_replicas_per_node")).isEqualTo(2);
        assertThat(json.getJsonArray("privileges").getString(0)).isEqualTo("capabilities SYS_ADMIN");
        assertThat(json.getString("mode")).isEqualTo("replicated");
        assertThat(json.getInt("desired_replicas")).isEqualTo(3);
        assertThat(json.getJsonArray("ports").getJsonObject(0).getInt("published_port")).isEqualTo(8080);
        assertThat(json.getJsonObject("update_status").getString("state")).isEqualTo("completed");
    }

    @Test
    void swarmTaskToJson() {
        SwarmTask task = new SwarmTask("t1", "ocr-worker.1", "s1", "ocr-worker", 1, "n1", "worker1", TaskState.RUNNING,
                TaskState.FAILED, "started", "task: non-zero exit (3)", "ocr-worker:1.0", "c1", 3, T, T, false);
        JsonObject json = json(task);
        assertThat(json.keySet()).containsExactlyInAnyOrder("id", "name", "service_id", "service_name", "slot", "node_id",
                "node_hostname", "desired_state", "state", "message", "error", "image", "container_id", "exit_code",
                "created_at", "updated_at", "on_service_spec");
        assertThat(json.getBoolean("on_service_spec")).isFalse();
        assertThat(json.getString("state")).isEqualTo("failed");
        assertThat(json.getString("desired_state")).isEqualTo("running");
        assertThat(json.getString("error")).isEqualTo("task: non-zero exit (3)");
    }

    @Test
    void swarmInfoToJson() {
        SwarmInfo info = new SwarmInfo(LocalNodeState.ACTIVE, "n1", "198.18.0.11", true, "c1", "default", T, T, 10L, 1, 3,
                List.of("198.18.0.11:2377"), 5, 1L, null, "20.10.24");
        JsonObject json = json(info);
        assertThat(json.getString("local_node_state")).isEqualTo("active");
        assertThat(json.getBoolean("control_available")).isTrue();
        assertThat(json.getJsonArray("manager_addresses").getString(0)).isEqualTo("198.18.0.11:2377");
        assertThat(json.keySet()).doesNotContain("join_tokens", "worker", "manager");
    }

    @Test
    void listsComeWithTheirCountAndErrorsWithTheirMessage() {
        assertThat(jsonb.toJson(Envelope.of(List.of("a", "b")))).isEqualTo("{\"success\":true,\"data\":[\"a\",\"b\"],\"count\":2}");
        assertThat(jsonb.toJson(Envelope.of(Map.of("k", 1)))).isEqualTo("{\"success\":true,\"data\":{\"k\":1}}");
        assertThat(jsonb.toJson(Envelope.error("service 'x' not found")))
                .isEqualTo("{\"success\":false,\"error\":\"service 'x' not found\"}");
    }
}
