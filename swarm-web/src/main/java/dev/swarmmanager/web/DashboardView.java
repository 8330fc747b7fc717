package dev.swarmmanager.web;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.ServiceHealth;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The cluster at a glance, from the mirror: no Docker call. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClusterMirror mirror;

    public HealthStatus getHealth() {
        return mirror.health();
    }

    public ClusterStatistics getStatistics() {
        return mirror.statistics();
    }

    public long getHealthyServices() {
        return getHealth().serviceHealth().stream().filter(ServiceHealth::healthy).count();
    }

    public long getDegradedServices() {
        return getHealth().serviceHealth().size() - getHealthyServices();
    }

}
