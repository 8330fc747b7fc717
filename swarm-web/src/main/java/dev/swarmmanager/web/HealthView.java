package dev.swarmmanager.web;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.health.boundary.ClusterHealth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Health and statistics pages: read from the cache, one snapshot per request. */
@Named
@RequestScoped
public class HealthView {

    @Inject
    ClusterHealth health;

    private HealthStatus status;

    public HealthStatus getStatus() {
        if (status == null) {
            status = health.health();
        }
        return status;
    }

    /** {@code null} until the cluster was read once. */
    public ClusterStatistics getStatistics() {
        return health.statistics();
    }
}
