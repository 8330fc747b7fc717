package dev.swarmmanager.web;

import jakarta.enterprise.context.ApplicationScoped;
import dev.swarmmanager.docker.DockerSettings;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configuration the pages need, in one application-scoped bean: view-scoped beans are passivation
 * capable and may not hold configuration injection points themselves.
 */
@Named("settings")
@ApplicationScoped
public class UiSettings {

    @Inject
    DockerSettings docker;

    /** How often the pages refresh their data by themselves. */
    @Inject
    @ConfigProperty(name = "swarm.ui.refresh-interval-seconds", defaultValue = "30")
    int refreshIntervalSeconds;

    @Inject
    @ConfigProperty(name = "swarm.services.max-replicas", defaultValue = "100")
    int maxReplicas;

    public String getDockerHost() {
        return docker.host();
    }

    public int getRefreshIntervalSeconds() {
        return refreshIntervalSeconds;
    }

    public int getMaxReplicas() {
        return maxReplicas;
    }
}
