package dev.swarmmanager.web;

import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.health.boundary.ClusterHealth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What every page's header shows: the cluster, the Docker host, the health badge and when it was read. */
@Named
@RequestScoped
public class LayoutView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    @Inject
    ClusterHealth clusterHealth;

    @Inject
    @ConfigProperty(name = "swarm.docker.host", defaultValue = "unix:///var/run/docker.sock")
    String dockerHost;

    /** How often the pages refresh their data by themselves. */
    @Inject
    @ConfigProperty(name = "swarm.ui.refresh-interval-seconds", defaultValue = "30")
    int refreshIntervalSeconds;

    private HealthStatus health;

    public HealthStatus getHealth() {
        if (health == null) {
            health = clusterHealth.health();
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
        return getHealth().stale() && getHealth().reasons().stream().anyMatch(r -> r.startsWith("Docker is unavailable"));
    }

    /** Pages that read only the cache refresh by being rendered again: nothing to load. */
    public void load() {
        // the header and the page read the cache when they render
    }

    public String getDockerHost() {
        return dockerHost;
    }

    public int getRefreshIntervalSeconds() {
        return refreshIntervalSeconds;
    }
}
