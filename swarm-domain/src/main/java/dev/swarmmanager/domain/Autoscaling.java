package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The autoscaler's arithmetic for one policy, pure: it keeps the recent recommendations (for the stabilisation
 * windows) and the times of the last scales (for the cooldowns), and answers what to do with each figure read.
 * Kubernetes' horizontal autoscaler is the model: {@code desired = ceil(value / target)} with a tolerance, the
 * lowest recommendation of the scale-up window and the highest of the scale-down window, a maximum step.
 */
public final class Autoscaling {

    private record Recommendation(Instant at, long replicas) implements Serializable {
    }

    private final Deque<Recommendation> recent = new ArrayDeque<>();
    private Instant lastScaleUp;
    private Instant lastScaleDown;
    /** The replicas the autoscaler last set: another count found is an operator's hand. */
    private Long lastSet;
    /** The count before our last scale, and when it was made: a mirror a moment behind still shows it. */
    private Long setFrom;
    private Instant setAt;
    private Instant manualAt;
    /** The first evaluation: until a whole scale-down window has passed since, the count found stands (as the HPA does). */
    private Instant firstAt;
    static final Duration MIRROR_LAG = Duration.ofSeconds(30);

    /**
     * Decides for the figure read now.
     *
     * @param current the service's replicas now
     * @param value   the figure, {@code null} when it could not be read (nothing changes)
     * @param problem why there is no figure, when there is none
     */
    public ScalingDecision decide(ScalingPolicy policy, long current, Double value, String problem, Instant now) {
        boolean lagging = setFrom != null && setFrom == current && now.isBefore(setAt.plus(MIRROR_LAG));
        if (lastSet != null && lastSet != current && !lagging) {
            manualAt = now; // someone scaled by hand since our last scale: leave it for a cooldown
        }
        if (!lagging) {
            lastSet = current;
        }
        if (value == null || value.isNaN() || value.isInfinite()) {
            return new ScalingDecision(now, policy.service(), current, null, null, current, ScalingDecision.Outcome.NO_METRIC,
                    problem == null ? "no figure" : problem);
        }
        if (firstAt == null) {
            firstAt = now;
        }
        long recommended = recommend(policy, current, value);
        recent.addLast(new Recommendation(now, recommended));
        Duration keep = policy.scaleUpWindow().compareTo(policy.scaleDownWindow()) > 0 ? policy.scaleUpWindow() : policy.scaleDownWindow();
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(now.minus(keep))) {
            recent.removeFirst();
        }
        long wanted = stabilised(policy, current, recommended, now);
        if (wanted > current + policy.maxStep()) {
            wanted = current + policy.maxStep();
        } else if (wanted < current - policy.maxStep()) {
            wanted = current - policy.maxStep();
        }
        String figures = String.format(Locale.ROOT, "value %s, target %s per replica", number(value), number(policy.target()));
        if (wanted == current) {
            String why = recommended == current ? "within tolerance or bounds" : "waiting for the recommendation of "
                    + recommended + " to hold for its stabilisation window (" + (recommended > current ? policy.scaleUpWindow()
                    : policy.scaleDownWindow()).toSeconds() + " s)";
            return decision(policy, now, current, value, recommended, current, ScalingDecision.Outcome.UNCHANGED, figures + ": " + why);
        }
        boolean up = wanted > current;
        Duration manualCooldown = policy.scaleUpCooldown().compareTo(policy.scaleDownCooldown()) > 0
                ? policy.scaleUpCooldown() : policy.scaleDownCooldown();
        if (manualAt != null && now.isBefore(manualAt.plus(manualCooldown))) {
            return decision(policy, now, current, value, recommended, current, ScalingDecision.Outcome.COOLDOWN,
                    figures + ": scaled by hand to " + current + " at " + manualAt + ", left alone until " + manualAt.plus(manualCooldown));
        }
        Instant last = up ? lastScaleUp : latest(lastScaleUp, lastScaleDown);
        Duration cooldown = up ? policy.scaleUpCooldown() : policy.scaleDownCooldown();
        if (last != null && now.isBefore(last.plus(cooldown))) {
            return decision(policy, now, current, value, recommended, current, ScalingDecision.Outcome.COOLDOWN,
                    figures + ": would scale to " + wanted + ", cooling down until " + last.plus(cooldown));
        }
        if (policy.dryRun()) {
            return decision(policy, now, current, value, recommended, wanted, ScalingDecision.Outcome.DRY_RUN,
                    figures + ": would scale " + current + " → " + wanted + " (dry run)");
        }
        return decision(policy, now, current, value, recommended, wanted,
                up ? ScalingDecision.Outcome.SCALED_UP : ScalingDecision.Outcome.SCALED_DOWN, figures + ": " + current + " → " + wanted);
    }

    /** Records that the scale decided was made: the cooldown starts, and the count is ours. */
    public void scaled(ScalingDecision decision) {
        if (decision.outcome() == ScalingDecision.Outcome.SCALED_UP) {
            lastScaleUp = decision.at();
        } else if (decision.outcome() == ScalingDecision.Outcome.SCALED_DOWN) {
            lastScaleDown = decision.at();
        }
        setFrom = decision.current();
        setAt = decision.at();
        lastSet = decision.replicas();
    }

    /** {@code ceil(value / target)} within the bounds; the current count while within the tolerance. */
    static long recommend(ScalingPolicy policy, long current, double value) {
        if (current > 0 && Math.abs(value / (current * policy.target()) - 1) <= policy.tolerance()) {
            return clamp(policy, current);
        }
        return clamp(policy, (long) Math.ceil(value / policy.target() - 1e-9));
    }

    private long stabilised(ScalingPolicy policy, long current, long recommended, Instant now) {
        if (recommended > current) {
            // Up only as far as every recommendation of the scale-up window agrees.
            long lowest = recommended;
            for (Recommendation r : recent) {
                if (!r.at().isBefore(now.minus(policy.scaleUpWindow()))) {
                    lowest = Math.min(lowest, r.replicas());
                }
            }
            return Math.max(current, lowest);
        }
        if (recommended < current) {
            // Down only as far as every recommendation of the scale-down window agrees, and the count found at the
            // first evaluation counts as one (a restart or a new policy does not scale down at once).
            long highest = now.isBefore(firstAt.plus(policy.scaleDownWindow())) ? current : recommended;
            for (Recommendation r : recent) {
                if (!r.at().isBefore(now.minus(policy.scaleDownWindow()))) {
                    highest = Math.max(highest, r.replicas());
                }
            }
            return Math.min(current, highest);
        }
        return current;
    }

    private static ScalingDecision decision(ScalingPolicy policy, Instant now, long current, double value, long recommended,
                                            long replicas, ScalingDecision.Outcome outcome, String reason) {
        return new ScalingDecision(now, policy.service(), current, value, recommended, replicas, outcome, reason);
    }

    private static long clamp(ScalingPolicy policy, long replicas) {
        return Math.max(policy.minReplicas(), Math.min(policy.maxReplicas(), replicas));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
