package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AutoscalingTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private static ScalingPolicy policy(Duration upWindow, Duration downWindow, Duration upCooldown, Duration downCooldown,
                                        long maxStep, boolean dryRun) {
        return new ScalingPolicy("ocr", 1, 10, ScalingMetric.PROMETHEUS, "sum(ocr_queue_depth)", 10, 0.1, upWindow, downWindow,
                upCooldown, downCooldown, maxStep, dryRun, false, "olga", T0);
    }

    private static ScalingPolicy quick() {
        return policy(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 100, false);
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void theReplicasAreTheFigureOverTheTargetRoundedUpWithinTheBoundsAndTheTolerance() {
        ScalingPolicy policy = quick();
        assertThat(Autoscaling.recommend(policy, 2, 37)).isEqualTo(4);
        assertThat(Autoscaling.recommend(policy, 2, 21)).as("5 % over the target: within the tolerance").isEqualTo(2);
        assertThat(Autoscaling.recommend(policy, 2, 23)).as("15 % over").isEqualTo(3);
        assertThat(Autoscaling.recommend(policy, 3, 500)).as("at most max").isEqualTo(10);
        assertThat(Autoscaling.recommend(policy, 3, 0)).as("at least min").isEqualTo(1);
        assertThat(Autoscaling.recommend(policy, 0, 12)).as("from zero").isEqualTo(2);
    }

    @Test
    void aScaleDownWaitsForItsWindowAndAFlappingFigureDoesNotFlap() {
        ScalingPolicy policy = policy(Duration.ZERO, Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO, 100, false);
        Autoscaling scaler = new Autoscaling();
        ScalingDecision up = scaler.decide(policy, 2, 40.0, null, at(0));
        assertThat(up.outcome()).isEqualTo(ScalingDecision.Outcome.SCALED_UP);
        assertThat(up.replicas()).isEqualTo(4);
        scaler.scaled(up);
        // The figure falls and rises every 10 s for a minute: the 60 s window holds the highest recommendation.
        for (int s = 10; s <= 60; s += 10) {
            assertThat(scaler.decide(policy, 4, s % 20 == 0 ? 10.0 : 40.0, null, at(s)).outcome()).isEqualTo(ScalingDecision.Outcome.UNCHANGED);
        }
        // Once low for the whole window, it goes down.
        for (int s = 70; s <= 130; s += 10) {
            ScalingDecision d = scaler.decide(policy, 4, 10.0, null, at(s));
            if (d.scales()) {
                assertThat(s).as("only once the last high figure (at 50 s) is a whole window old").isGreaterThan(110);
                assertThat(d.replicas()).isEqualTo(1);
                return;
            }
        }
        throw new AssertionError("never scaled down");
    }

    @Test
    void aStepIsAtMostMaxStepAndACooldownFollowsAScale() {
        ScalingPolicy policy = policy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30), Duration.ZERO, 2, false);
        Autoscaling scaler = new Autoscaling();
        ScalingDecision first = scaler.decide(policy, 1, 100.0, null, at(0));
        assertThat(first.replicas()).isEqualTo(3);
        scaler.scaled(first);
        ScalingDecision soon = scaler.decide(policy, 3, 100.0, null, at(10));
        assertThat(soon.outcome()).isEqualTo(ScalingDecision.Outcome.COOLDOWN);
        assertThat(soon.reason()).contains("cooling down until " + at(30));
        ScalingDecision later = scaler.decide(policy, 3, 100.0, null, at(31));
        assertThat(later.outcome()).isEqualTo(ScalingDecision.Outcome.SCALED_UP);
        assertThat(later.replicas()).isEqualTo(5);
    }

    @Test
    void anOperatorsHandIsLeftAloneForTheCooldownButAMirrorThatLagsIsNotTakenForOne() {
        ScalingPolicy policy = policy(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(60), 100, false);
        Autoscaling scaler = new Autoscaling();
        ScalingDecision up = scaler.decide(policy, 2, 40.0, null, at(0));
        scaler.scaled(up);
        // The mirror still shows 2 a moment later: not a hand.
        assertThat(scaler.decide(policy, 2, 40.0, null, at(2)).reason()).doesNotContain("by hand");
        assertThat(scaler.decide(policy, 4, 40.0, null, at(70)).outcome()).isEqualTo(ScalingDecision.Outcome.UNCHANGED);
        // An operator sets 8: the figure says 4, but the operator's choice stands for the cooldown.
        ScalingDecision handled = scaler.decide(policy, 8, 40.0, null, at(80));
        assertThat(handled.outcome()).isEqualTo(ScalingDecision.Outcome.COOLDOWN);
        assertThat(handled.reason()).contains("scaled by hand to 8");
        assertThat(scaler.decide(policy, 8, 40.0, null, at(141)).outcome()).isEqualTo(ScalingDecision.Outcome.SCALED_DOWN);
    }

    @Test
    void aDryRunDecidesAndRecordsButSaysItDidNotScale() {
        ScalingPolicy policy = policy(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 100, true);
        ScalingDecision d = new Autoscaling().decide(policy, 2, 40.0, null, at(0));
        assertThat(d.outcome()).isEqualTo(ScalingDecision.Outcome.DRY_RUN);
        assertThat(d.replicas()).isEqualTo(4);
        assertThat(d.scales()).isFalse();
    }

    @Test
    void aNewPolicyDoesNotScaleDownBeforeAWholeWindowHasPassed() {
        ScalingPolicy policy = policy(Duration.ZERO, Duration.ofSeconds(60), Duration.ZERO, Duration.ZERO, 100, false);
        Autoscaling scaler = new Autoscaling();
        assertThat(scaler.decide(policy, 4, 5.0, null, at(0)).outcome()).isEqualTo(ScalingDecision.Outcome.UNCHANGED);
        assertThat(scaler.decide(policy, 4, 5.0, null, at(30)).outcome()).isEqualTo(ScalingDecision.Outcome.UNCHANGED);
        assertThat(scaler.decide(policy, 4, 5.0, null, at(61)).replicas()).isEqualTo(1);
    }

    @Test
    void aHugeStepIsAsLargeAsTheMaximum() {
        ScalingPolicy policy = new ScalingPolicy("ocr", 1, 10, ScalingMetric.PROMETHEUS, "q", 10, 0.1, Duration.ZERO, Duration.ZERO,
                Duration.ZERO, Duration.ZERO, Long.MAX_VALUE, false, false, null, null);
        assertThat(policy.maxStep()).isEqualTo(10);
        assertThat(new Autoscaling().decide(policy, 2, 1000.0, null, at(0)).replicas()).isEqualTo(10);
    }

    @Test
    void withoutAFigureNothingChangesAndTheReasonIsKept() {
        ScalingDecision d = new Autoscaling().decide(quick(), 3, null, "Prometheus answered no series for sum(ocr_queue_depth)", at(0));
        assertThat(d.outcome()).isEqualTo(ScalingDecision.Outcome.NO_METRIC);
        assertThat(d.replicas()).isEqualTo(3);
        assertThat(d.reason()).contains("no series");
    }

    @Test
    void aPolicyThatCannotWorkIsRefusedWithTheField() {
        assertThatThrownBy(() -> new ScalingPolicy("ocr", 5, 2, ScalingMetric.CPU, null, 50, 0.1, null, null, null, null, 1, false,
                false, null, null)).hasMessageStartingWith("max_replicas");
        assertThatThrownBy(() -> new ScalingPolicy("ocr", 1, 2, ScalingMetric.PROMETHEUS, " ", 50, 0.1, null, null, null, null, 1,
                false, false, null, null)).hasMessageStartingWith("query");
        assertThatThrownBy(() -> new ScalingPolicy("ocr", 1, 2, ScalingMetric.CPU, null, 0, 0.1, null, null, null, null, 1, false,
                false, null, null)).hasMessageStartingWith("target");
        assertThatThrownBy(() -> new ScalingPolicy("ocr", 1, 2, ScalingMetric.CPU, null, 50, 0.1, Duration.ofDays(2), null, null,
                null, 1, false, false, null, null)).hasMessageStartingWith("scale_up_window");
    }
}
