package dev.swarmmanager.rest.autoscaling;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ScalingMetric;
import dev.swarmmanager.domain.ScalingPolicy;
import dev.swarmmanager.domain.WireName;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A service's scaling policy as a client sends it; durations in seconds. Absent optional fields take the defaults of
 * {@link ScalingPolicy} (tolerance 0.1, scale-up window 0 s, scale-down window 300 s, cooldowns 30 s and 120 s, a step
 * as large as the maximum).
 */
public record ScalingPolicyRequest(Long minReplicas, Long maxReplicas, String metric, String query, BigDecimal target,
                                   BigDecimal tolerance, Long scaleUpWindowSeconds, Long scaleDownWindowSeconds,
                                   Long scaleUpCooldownSeconds, Long scaleDownCooldownSeconds, Long maxStep, Boolean dryRun,
                                   Boolean paused) {

    static final String EXAMPLE = "{\"min_replicas\": 1, \"max_replicas\": 10, \"metric\": \"prometheus\", "
            + "\"query\": \"sum(ocr_queue_depth)\", \"target\": 20, \"scale_down_window_seconds\": 300}";

    ScalingPolicy toPolicy(String service) {
        if (minReplicas == null || maxReplicas == null || metric == null || target == null) {
            throw new InvalidRequestException(null, "scaling.required", EXAMPLE);
        }
        long max = maxReplicas;
        return new ScalingPolicy(service, minReplicas, max, WireName.parse(ScalingMetric.class, "metric", metric), query,
                target.doubleValue(), tolerance == null ? ScalingPolicy.DEFAULT_TOLERANCE : tolerance.doubleValue(),
                seconds(scaleUpWindowSeconds, "scale_up_window_seconds"), seconds(scaleDownWindowSeconds, "scale_down_window_seconds"),
                seconds(scaleUpCooldownSeconds, "scale_up_cooldown_seconds"), seconds(scaleDownCooldownSeconds, "scale_down_cooldown_seconds"),
                maxStep == null ? Math.max(1, max) : maxStep, Boolean.TRUE.equals(dryRun), Boolean.TRUE.equals(paused), null, null);
    }

    private static Duration seconds(Long value, String field) {
        if (value == null) {
            return null;
        }
        if (value < 0 || value > 86_400) {
            throw new InvalidRequestException(field, "seconds.from-to", 0, 86400);
        }
        return Duration.ofSeconds(value);
    }
}
