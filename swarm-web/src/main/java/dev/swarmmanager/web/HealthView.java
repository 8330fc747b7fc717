package dev.swarmmanager.web;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Health and statistics pages: read from the cache, one snapshot per request. */
@Named
@RequestScoped
public class HealthView {

    @Inject
    ClusterMirror mirror;

    private HealthStatus status;

    public HealthStatus getStatus() {
        if (status == null) {
            status = mirror.health();
        }
        return status;
    }

    /** {@code null} until the cluster was read once. */
    public ClusterStatistics getStatistics() {
        return mirror.statistics();
    }
}
