package dev.swarmmanager.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class ServiceFormTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parsed(ServiceForm form) {
        return new Yaml().load(form.toCompose());
    }

    @Test
    void everyFieldBecomesItsComposeKey() {
        ServiceForm form = new ServiceForm();
        form.setImage("ocr-worker:1.0");
        form.setReplicas(3);
        form.setCommand("sh -c 'sleep 1'");
        form.setEnvironment("A=1\n\n B=two ");
        form.setLabels("team=ocr");
        form.setPorts("8080:80");
        form.setVolumes("data:/data\n/srv:/srv:ro");
        form.setTmpfs("/run/cache");
        form.setNetworks(List.of("backend"));
        form.setSecrets(List.of("db_password"));
        form.setConfigs(List.of("worker_conf"));
        form.setConstraints("node.role==worker");
        form.setPreferences("node.labels.zone");
        form.setMaxReplicasPerNode(2);
        form.setReserveCpus(new BigDecimal("0.25"));
        form.setReserveMemory("64M");
        form.setLimitMemory("128M");
        form.setRestartCondition("on-failure");
        form.setUpdateParallelism(2);
        form.setUpdateDelay("5s");
        form.setUpdateOrder("start-first");
        form.setUpdateFailureAction("rollback");
        form.setRollbackOrder("start-first");
        form.setHealthCommand("test -f /tmp/ok");
        form.setHealthInterval("10s");
        form.setUser("nobody");
        form.setWorkingDir("/work");

        Map<String, Object> service = parsed(form);

        assertThat(service).containsEntry("image", "ocr-worker:1.0").containsEntry("command", "sh -c 'sleep 1'")
                .containsEntry("environment", List.of("A=1", "B=two")).containsEntry("ports", List.of("8080:80"))
                .containsEntry("volumes", List.of("data:/data", "/srv:/srv:ro")).containsEntry("tmpfs", List.of("/run/cache"))
                .containsEntry("networks", List.of("backend")).containsEntry("secrets", List.of("db_password"))
                .containsEntry("configs", List.of("worker_conf")).containsEntry("user", "nobody").containsEntry("working_dir", "/work")
                .containsEntry("healthcheck", Map.of("test", List.of("CMD-SHELL", "test -f /tmp/ok"), "interval", "10s"));
        assertThat(service.get("deploy")).isEqualTo(Map.of(
                "replicas", 3,
                "labels", Map.of("team", "ocr"),
                "placement", Map.of("constraints", List.of("node.role==worker"), "preferences", List.of(Map.of("spread", "node.labels.zone")),
                        "max_replicas_per_node", 2),
                "resources", Map.of("reservations", Map.of("cpus", "0.25", "memory", "64M"), "limits", Map.of("memory", "128M")),
                "restart_policy", Map.of("condition", "on-failure"),
                "update_config", Map.of("parallelism", 2, "delay", "5s", "order", "start-first", "failure_action", "rollback"),
                "rollback_config", Map.of("order", "start-first")));
    }

    @Test
    void aGlobalServiceHasNoReplicasAndEmptyFieldsSayNothing() {
        ServiceForm form = new ServiceForm();
        form.setImage("ocr-worker:1.0");
        form.setMode("global");
        form.setReplicas(4);
        form.setEnvironment("  \n");
        assertThat(parsed(form)).isEqualTo(Map.of("image", "ocr-worker:1.0", "deploy", Map.of("mode", "global")));
    }

    @Test
    void whatIsTypedIsTakenAsWrittenNeverAsYamlOrAVariable() {
        ServiceForm form = new ServiceForm();
        form.setImage("ocr-worker:1.0\nprivileged: true");
        form.setEnvironment("PASSWORD=\"x\": {y} $HOME\\n");
        form.setCommand("echo a\u2028b\u0085c\u007f");
        form.setCompose("  stop_grace_period: 2s\n  user: nobody");
        String compose = form.toCompose();
        assertThat(compose).contains("$$HOME").endsWith("stop_grace_period: 2s\nuser: nobody\n");
        Map<String, Object> service = new Yaml().load(compose);
        assertThat(service).containsEntry("command", "echo a\u2028b\u0085c\u007f").containsEntry("user", "nobody").doesNotContainKey("privileged").containsEntry("image", "ocr-worker:1.0\nprivileged: true")
                .containsEntry("environment", List.of("PASSWORD=\"x\": {y} $$HOME\\n"));
    }
}
