package dev.swarmmanager.rest.health;

import dev.swarmmanager.mirror.boundary.ClusterMirror;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the last refresh reached Docker. A load balancer or orchestrator then stops sending traffic to
 * an instance that cannot manage the cluster, and starts again on its own once Docker answers. Anyone may call it,
 * so it says no more than that: the verdict and the snapshot's age, never a reason (reasons name nodes, services and,
 * when Docker cannot be reached, the Docker host); signed-in users read them at /api/swarm/health.
 */
@Readiness
@ApplicationScoped
public class DockerReadiness implements HealthCheck {

    @Inject
    ClusterMirror mirror;

    @Override
    public HealthCheckResponse call() {
        var status = mirror.health();
        var builder = HealthCheckResponse.named("docker")
                .withData("overall_health", status.overallHealth().toString())
                .withData("snapshot_age_seconds", (long) status.snapshotAgeSeconds());
        return status.stale() ? builder.down().build() : builder.up().build();
    }
}
