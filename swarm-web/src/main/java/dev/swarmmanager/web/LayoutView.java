package dev.swarmmanager.web;

import dev.swarmmanager.alerts.boundary.Alerts;
import dev.swarmmanager.domain.Alert;
import java.util.List;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What every page's header shows: the cluster, the Docker host, the health badge and when it was read. */
@Named
@RequestScoped
public class LayoutView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Inject
    ClusterMirror mirror;

    @Inject
    UiSettings settings;

    @Inject
    Alerts alerts;

    private HealthStatus health;
    private List<Alert> openAlerts;

    /** The open alerts, for the bell: read once per rendering of the header. */
    public List<Alert> getOpenAlerts() {
        if (openAlerts == null) {
            try {
                openAlerts = alerts.open();
            } catch (RuntimeException e) {
                // The header must render whatever the database does: the bell then shows nothing.
                openAlerts = List.of();
            }
        }
        return openAlerts;
    }

    /** The most severe open alert's severity ({@code none} without one), for the bell's colour. */
    public String getAlertLevel() {
        return getOpenAlerts().isEmpty() ? "none" : getOpenAlerts().get(0).severity().toString();
    }

    public HealthStatus getHealth() {
        if (health == null) {
            health = mirror.health();
        }
        return health;
    }

    public String getOverall() {
        return getHealth().overallHealth().toString();
    }

    public String getRefreshedAt() {
        return getHealth().checkedAt() == null ? "" : TIME.format(getHealth().checkedAt());
    }

    public boolean isDockerUnavailable() {
        return mirror.dockerUnavailable();
    }

    /** Pages that read only the cache refresh by being rendered again: nothing to load. */
    public void load() {
        // the header and the page read the cache when they render
    }

    /** The Swarm's name and the start of its ID, or nothing before the cluster was read. */
    public String getCluster() {
        var swarm = mirror.swarm();
        if (swarm == null || swarm.clusterId() == null) {
            return null;
        }
        return swarm.name() + " (" + swarm.clusterId().substring(0, Math.min(12, swarm.clusterId().length())) + ")";
    }

    public String getDockerHost() {
        return settings.getDockerHost();
    }

    public int getRefreshIntervalSeconds() {
        return settings.getRefreshIntervalSeconds();
    }
}
