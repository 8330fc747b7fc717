package dev.swarmmanager.web;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.ServiceHealth;
import dev.swarmmanager.health.boundary.ClusterHealth;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The cluster at a glance, from the health cache: no Docker call. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClusterHealth health;

    public HealthStatus getHealth() {
        return health.health();
    }

    public ClusterStatistics getStatistics() {
        return health.statistics();
    }

    public long getHealthyServices() {
        return getHealth().serviceHealth().stream().filter(ServiceHealth::healthy).count();
    }

    public long getDegradedServices() {
        return getHealth().serviceHealth().size() - getHealthyServices();
    }

}
