package dev.swarmmanager.web;

import dev.swarmmanager.domain.ScalingDecision;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The autoscaler's last hour as SVG coordinates, drawn on the server: the figure read, what the replicas carry at the
 * target ({@code replicas × target}), the replica count on a scale of its own, and a mark at each scale.
 *
 * @param figure   points of the figure read
 * @param capacity points of replicas × target
 * @param replicas points of the replica count
 * @param scales   the scales, as points to mark
 */
public record ScalingChart(String figure, String capacity, String replicas, List<double[]> scales, String top, long mostReplicas)
        implements Serializable {

    static final int WIDTH = 600;
    static final int HEIGHT = 140;
    static final Duration SPAN = Duration.ofHours(1);

    /** {@code null} when there is nothing to draw. */
    static ScalingChart of(List<ScalingDecision> decisions, double target, Instant now) {
        List<ScalingDecision> drawn = decisions.stream().filter(d -> !d.at().isBefore(now.minus(SPAN))).toList();
        if (drawn.isEmpty()) {
            return null;
        }
        double highest = target;
        long most = 1;
        for (ScalingDecision d : drawn) {
            highest = Math.max(highest, d.value() == null ? 0 : d.value());
            highest = Math.max(highest, d.replicas() * target);
            most = Math.max(most, d.replicas());
        }
        StringBuilder figure = new StringBuilder();
        StringBuilder capacity = new StringBuilder();
        StringBuilder replicas = new StringBuilder();
        List<double[]> scales = new ArrayList<>();
        for (ScalingDecision d : drawn) {
            double x = WIDTH * (1 - (double) Duration.between(d.at(), now).toMillis() / SPAN.toMillis());
            if (d.value() != null) {
                append(figure, x, y(d.value(), highest));
            }
            append(capacity, x, y(d.replicas() * target, highest));
            append(replicas, x, y(d.replicas(), most));
            if (d.scales()) {
                scales.add(new double[] {x, y(d.replicas(), most)});
            }
        }
        return new ScalingChart(figure.toString().trim(), capacity.toString().trim(), replicas.toString().trim(), scales,
                String.format(Locale.ROOT, "%.0f", highest), most);
    }

    private static double y(double value, double top) {
        return HEIGHT - (HEIGHT - 4) * value / (top <= 0 ? 1 : top);
    }

    private static void append(StringBuilder points, double x, double y) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
}
