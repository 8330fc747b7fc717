package dev.swarmmanager.web;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ScalingMetric;
import dev.swarmmanager.domain.ScalingPolicy;
import dev.swarmmanager.domain.WireName;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A scaling policy as the service page's editor writes it: one {@code key: value} a line, in the API's names
 * ({@code min_replicas: 1}); what is left out takes the API's defaults.
 */
final class ScalingPolicyText {

    private static final Set<String> KEYS = Set.of("min_replicas", "max_replicas", "metric", "query", "target", "tolerance",
            "scale_up_window_seconds", "scale_down_window_seconds", "scale_up_cooldown_seconds", "scale_down_cooldown_seconds",
            "max_step", "dry_run", "paused");

    private ScalingPolicyText() {
    }

    static ScalingPolicy parse(String service, String text) {
        Map<String, String> values = new HashMap<>();
        String[] lines = text == null ? new String[0] : text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String key = colon < 0 ? line : line.substring(0, colon).strip();
            if (colon < 0 || !KEYS.contains(key)) {
                throw new InvalidRequestException(null, "scaling.text-line", i + 1, String.join(", ", KEYS.stream().sorted().toList()));
            }
            values.put(key, line.substring(colon + 1).strip());
        }
        long max = whole(values, "max_replicas", -1);
        return new ScalingPolicy(service, whole(values, "min_replicas", -1), max,
                values.containsKey("metric") ? WireName.parse(ScalingMetric.class, "metric", values.get("metric")) : null,
                values.get("query"), number(values, "target", 0), number(values, "tolerance", ScalingPolicy.DEFAULT_TOLERANCE),
                seconds(values, "scale_up_window_seconds"), seconds(values, "scale_down_window_seconds"),
                seconds(values, "scale_up_cooldown_seconds"), seconds(values, "scale_down_cooldown_seconds"),
                whole(values, "max_step", Math.max(1, max)), Boolean.parseBoolean(values.get("dry_run")),
                Boolean.parseBoolean(values.get("paused")), null, null);
    }

    private static long whole(Map<String, String> values, String key, long fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(key, "compose.whole-number", value);
        }
    }

    private static double number(Map<String, String> values, String key, double fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(key, "compose.number", value);
        }
    }

    private static Duration seconds(Map<String, String> values, String key) {
        return values.containsKey(key) ? Duration.ofSeconds(whole(values, key, 0)) : null;
    }
}
