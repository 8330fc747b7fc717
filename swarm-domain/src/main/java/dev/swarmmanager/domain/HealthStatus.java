package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The cluster's health as of {@link #checkedAt()}: a verdict, the reasons for it and the detail behind them.
 *
 * @param reasons why the verdict is not {@code healthy}; empty when it is
 * @param taskSuccessRate percentage of tasks that ran or completed among those that reached an outcome
 *                        (running, complete, failed, rejected); 100 when none did
 * @param stale the last refresh failed and this is the last known state, or none could be read yet
 * @param snapshotAgeSeconds how old the data is at the moment it is read
 */
public record HealthStatus(
        OverallHealth overallHealth,
        List<String> reasons,
        NodeHealth nodeHealth,
        List<ServiceHealth> serviceHealth,
        double taskSuccessRate,
        List<DetectedError> errors,
        Instant checkedAt,
        boolean stale,
        double snapshotAgeSeconds) implements Serializable {

    public HealthStatus {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        serviceHealth = serviceHealth == null ? List.of() : List.copyOf(serviceHealth);
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The same status with its age measured at {@code now}. */
    public HealthStatus agedAt(Instant now) {
        // to a tenth of a second: finer is noise, and equal answers can be served as rendered once
        double age = checkedAt == null ? 0 : Duration.between(checkedAt, now).toMillis() / 100 / 10.0;
        return new HealthStatus(overallHealth, reasons, nodeHealth, serviceHealth, taskSuccessRate, errors,
                checkedAt, stale, Math.max(0, age));
    }

    /** The status when the cluster could not be read at all, with the last known detail if there is any. */
    public HealthStatus unreachable(String reason, Instant now) {
        return new HealthStatus(OverallHealth.UNHEALTHY, List.of(reason), nodeHealth, serviceHealth,
                taskSuccessRate, errors, checkedAt == null ? now : checkedAt, true, snapshotAgeSeconds);
    }
}
