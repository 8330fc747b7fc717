package dev.swarmmanager.rest.autoscaling;

import dev.swarmmanager.domain.ScalingPolicy;
import java.time.Instant;

/** A scaling policy in the same names and units a client sends it in (durations in seconds): GET, change, PUT back. */
public record ScalingPolicyView(String service, long minReplicas, long maxReplicas, String metric, String query, double target,
                                double tolerance, long scaleUpWindowSeconds, long scaleDownWindowSeconds,
                                long scaleUpCooldownSeconds, long scaleDownCooldownSeconds, long maxStep, boolean dryRun,
                                boolean paused, String updatedBy, Instant updatedAt) {

    static ScalingPolicyView of(ScalingPolicy p) {
        return new ScalingPolicyView(p.service(), p.minReplicas(), p.maxReplicas(), p.metric().toString(), p.query(), p.target(),
                p.tolerance(), p.scaleUpWindow().toSeconds(), p.scaleDownWindow().toSeconds(), p.scaleUpCooldown().toSeconds(),
                p.scaleDownCooldown().toSeconds(), p.maxStep(), p.dryRun(), p.paused(), p.updatedBy(), p.updatedAt());
    }
}
