package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * How the autoscaler sizes one replicated service, in the words of Kubernetes' horizontal autoscaler: the figure the
 * service's tasks should carry each ({@code target}), and the replicas that would carry the figure read,
 * {@code ceil(value / target)}, within {@code [min, max]}; left alone when within {@code tolerance} of that; a
 * recommendation followed only once it has held for its window (the lowest of a scale-up window, the highest of a
 * scale-down window), by at most {@code maxStep} at a time, and not within a cooldown after the last scale.
 *
 * @param query    the PromQL query of a {@link ScalingMetric#PROMETHEUS} policy, summed over its series
 * @param target   the figure per replica: queue items, CPU % of one CPU, or memory bytes
 * @param tolerance a fraction: 0.1 leaves the service alone while the figure is within 10 % of the target's
 * @param dryRun   decide and record, never scale
 * @param paused   no evaluation at all
 */
public record ScalingPolicy(String service, long minReplicas, long maxReplicas, ScalingMetric metric, String query,
                            double target, double tolerance, Duration scaleUpWindow, Duration scaleDownWindow,
                            Duration scaleUpCooldown, Duration scaleDownCooldown, long maxStep, boolean dryRun,
                            boolean paused, String updatedBy, Instant updatedAt) implements Serializable {

    public static final double DEFAULT_TOLERANCE = 0.1;
    static final Duration MAX_DURATION = Duration.ofDays(1);
    static final int MAX_QUERY = 2000;

    public ScalingPolicy {
        if (minReplicas < 0) {
            throw new InvalidRequestException("min_replicas", "number.at-least", 0);
        }
        if (maxReplicas < Math.max(1, minReplicas)) {
            throw new InvalidRequestException("max_replicas", "scaling.max-replicas");
        }
        if (metric == null) {
            throw new InvalidRequestException("metric", "required.one-of", WireName.allowed(ScalingMetric.class));
        }
        if (metric == ScalingMetric.PROMETHEUS && (query == null || query.isBlank() || query.length() > MAX_QUERY)) {
            throw new InvalidRequestException("query", "scaling.query-required", MAX_QUERY);
        }
        if (metric != ScalingMetric.PROMETHEUS && query != null && !query.isBlank()) {
            throw new InvalidRequestException("query", "scaling.query-only-prometheus");
        }
        if (!(target > 0) || Double.isInfinite(target)) {
            throw new InvalidRequestException("target", "scaling.target");
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new InvalidRequestException("tolerance", "scaling.tolerance");
        }
        scaleUpWindow = duration(scaleUpWindow, Duration.ZERO, "scale_up_window");
        scaleDownWindow = duration(scaleDownWindow, Duration.ofMinutes(5), "scale_down_window");
        scaleUpCooldown = duration(scaleUpCooldown, Duration.ofSeconds(30), "scale_up_cooldown");
        scaleDownCooldown = duration(scaleDownCooldown, Duration.ofMinutes(2), "scale_down_cooldown");
        if (maxStep < 1) {
            throw new InvalidRequestException("max_step", "number.at-least", 1);
        }
        maxStep = Math.min(maxStep, maxReplicas); // a larger step says nothing more, and its sums could overflow
        if (metric != ScalingMetric.PROMETHEUS && minReplicas < 1) {
            throw new InvalidRequestException("min_replicas", "scaling.min-replicas-measured", metric);
        }
        query = metric == ScalingMetric.PROMETHEUS ? query.strip() : null;
    }

    private static Duration duration(Duration value, Duration fallback, String field) {
        Duration given = value == null ? fallback : value;
        if (given.isNegative() || given.compareTo(MAX_DURATION) > 0) {
            throw new InvalidRequestException(field, "scaling.window");
        }
        return given;
    }
}
