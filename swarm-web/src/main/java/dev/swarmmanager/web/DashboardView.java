package dev.swarmmanager.web;

import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.health.boundary.ClusterHealth;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The landing page: the cluster's health at a glance, from the cache. */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClusterHealth health;

    public HealthStatus getHealth() {
        return health.health();
    }
}
