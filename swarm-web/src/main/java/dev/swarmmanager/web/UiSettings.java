package dev.swarmmanager.web;

import jakarta.enterprise.context.ApplicationScoped;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
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
    ClusterMirror mirror;

    @Inject
    DeploymentPolicy policy;

    /** How often the pages refresh their data by themselves. */
    @Inject
    @ConfigProperty(name = "swarm.ui.refresh-interval-seconds", defaultValue = "30")
    int refreshIntervalSeconds;

    public String getDockerHost() {
        return mirror.dockerHost();
    }

    public int getRefreshIntervalSeconds() {
        return refreshIntervalSeconds;
    }

    /** The policy's ceiling, read where the policy keeps it (one place for its default). */
    public long getMaxReplicas() {
        return policy.maxReplicas();
    }
}
