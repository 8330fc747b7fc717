package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * One evaluation of a scaling policy and what came of it.
 *
 * @param value       the figure read; {@code null} when none could be
 * @param recommended the replicas the figure asks for now, within the policy's bounds; {@code null} without a figure
 * @param replicas    the replicas the service has after this evaluation (or would have, in a dry run)
 */
public record ScalingDecision(Instant at, String service, long current, Double value, Long recommended, long replicas,
                              Outcome outcome, String reason) implements Serializable {

    public enum Outcome {
        SCALED_UP, SCALED_DOWN, UNCHANGED, DRY_RUN, COOLDOWN, NO_METRIC, REFUSED;

        @Override
        public String toString() {
            return WireName.of(this);
        }
    }

    public boolean scales() {
        return outcome == Outcome.SCALED_UP || outcome == Outcome.SCALED_DOWN;
    }
}
