package dev.swarmmanager.compose;

import static dev.swarmmanager.compose.Specs.putLong;
import static dev.swarmmanager.compose.Specs.putStrings;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A Compose service's task settings in the Engine's terms: its container's environment, health check and ulimits, and
 * the task's resources, restart policy, placement and log driver. Pure; each throws with the file's path on a value
 * the CLI would refuse.
 */
final class TaskSettings {

    private TaskSettings() {
    }

    /**
     * The service's {@code environment} over the variables of its env files; sorted, as the CLI sorts it, so that
     * reordering a file does not restart a service.
     */
    static List<String> environment(Map<String, String> fromFiles, ComposeNode node) {
        if (node.isMissing() && fromFiles.isEmpty()) {
            return null;
        }
        Map<String, String> variables = new java.util.TreeMap<>(fromFiles);
        variables.putAll(node.keyValues('='));
        List<String> env = new ArrayList<>();
        variables.forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
        env.sort(Comparator.naturalOrder());
        return env;
    }

    static void healthcheck(ComposeNode node, ObjectNode container) {
        if (node.isMissing()) {
            return;
        }
        ObjectNode health = container.putObject("Healthcheck");
        if (Boolean.TRUE.equals(node.get("disable").bool())) {
            if (!node.get("test").isMissing()) {
                throw node.get("test").invalid("compose.health-disable");
            }
            health.putArray("Test").add("NONE");
            return;
        }
        ComposeNode test = node.get("test");
        if (test.isList()) {
            putStrings(health, "Test", test.strings());
        } else if (!test.isMissing()) {
            health.putArray("Test").add("CMD-SHELL").add(test.string());
        }
        putLong(health, "Interval", ComposeValues.durationNanos(node.get("interval")));
        putLong(health, "Timeout", ComposeValues.durationNanos(node.get("timeout")));
        putLong(health, "StartPeriod", ComposeValues.durationNanos(node.get("start_period")));
        putLong(health, "Retries", node.get("retries").nonNegative());
    }

    static void ulimits(ComposeNode node, ObjectNode container) {
        if (node.isMissing()) {
            return;
        }
        ArrayNode limits = container.putArray("Ulimits");
        for (String name : node.keys()) {
            ComposeNode limit = node.get(name);
            long soft;
            long hard;
            if (limit.isMap()) {
                soft = required(limit.get("soft"));
                hard = required(limit.get("hard"));
            } else {
                soft = hard = required(limit);
            }
            limits.addObject().put("Name", name).put("Soft", soft).put("Hard", hard);
        }
    }

    static long required(ComposeNode number) {
        Long value = number.longValue();
        if (value == null) {
            throw number.invalid("compose.required");
        }
        return value;
    }

    static void resources(ComposeNode node, ObjectNode task) {
        if (node.isMissing()) {
            return;
        }
        ObjectNode resources = task.putObject("Resources");
        for (String kind : List.of("limits", "reservations")) {
            ComposeNode n = node.get(kind);
            if (n.isMissing()) {
                continue;
            }
            ObjectNode target = resources.putObject(kind.equals("limits") ? "Limits" : "Reservations");
            putLong(target, "NanoCPUs", ComposeValues.nanoCpus(n.get("cpus")));
            putLong(target, "MemoryBytes", ComposeValues.bytes(n.get("memory")));
            if (kind.equals("limits")) {
                putLong(target, "Pids", n.get("pids").nonNegative());
            }
        }
    }

    static void restartPolicy(ComposeNode legacy, ComposeNode node, ObjectNode task) {
        if (node.isMissing()) {
            if (legacy.isMissing()) {
                return;
            }
            String restart = legacy.string().trim();
            ObjectNode policy = task.putObject("RestartPolicy");
            if (restart.equals("no")) {
                policy.put("Condition", "none");
            } else if (restart.equals("always") || restart.equals("unless-stopped")) {
                policy.put("Condition", "any");
            } else if (restart.matches("on-failure(:\\d+)?")) {
                policy.put("Condition", "on-failure");
                if (restart.contains(":")) {
                    policy.put("MaxAttempts", Long.parseLong(restart.substring(restart.indexOf(':') + 1)));
                }
            } else {
                throw legacy.invalid("compose.restart", restart);
            }
            return;
        }
        ObjectNode policy = task.putObject("RestartPolicy");
        String condition = node.get("condition").string();
        if (condition != null) {
            if (!List.of("none", "on-failure", "any").contains(condition)) {
                throw node.get("condition").invalid("compose.restart-condition", condition);
            }
            policy.put("Condition", condition);
        }
        putLong(policy, "Delay", ComposeValues.durationNanos(node.get("delay")));
        putLong(policy, "MaxAttempts", node.get("max_attempts").nonNegative());
        putLong(policy, "Window", ComposeValues.durationNanos(node.get("window")));
    }

    static void placement(ComposeNode node, ObjectNode task) {
        ObjectNode placement = task.putObject("Placement");
        if (node.isMissing()) {
            return;
        }
        putStrings(placement, "Constraints", node.get("constraints").isMissing() ? null : node.get("constraints").strings());
        if (!node.get("preferences").isMissing()) {
            ArrayNode preferences = placement.putArray("Preferences");
            for (ComposeNode preference : node.get("preferences").items()) {
                preferences.addObject().putObject("Spread").put("SpreadDescriptor", preference.get("spread").requiredString());
            }
        }
        putLong(placement, "MaxReplicas", node.get("max_replicas_per_node").nonNegative());
    }

    static void logging(ComposeNode node, ObjectNode task) {
        if (node.isMissing()) {
            return;
        }
        ObjectNode driver = task.putObject("LogDriver");
        if (!node.get("driver").isMissing()) { // options alone are valid Compose: the Engine's default driver takes them
            driver.put("Name", node.get("driver").requiredString());
        }
        Map<String, String> options = node.get("options").keyValues('=');
        if (!options.isEmpty()) {
            ObjectNode o = driver.putObject("Options");
            options.forEach(o::put);
        }
    }
}
