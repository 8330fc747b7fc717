package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One service of the Swarm, as {@code docker service ls} shows it, with its replica counts.
 *
 * @param desiredReplicas for a replicated service its replica count; for a global one the number of
 *                        tasks Swarm wants running (one per eligible node)
 * @param runningReplicas tasks of this service that are running now
 * @param stack the stack it belongs to ({@code com.docker.stack.namespace}), {@code null} if none
 * @param updateStatus {@code null} when the service was never updated
 * @param version Swarm's version index of the spec, which any update must quote
 * @param privileges what the service holds beyond its container, as the deployment policy names it
 *                   ({@code capabilities SYS_ADMIN}, {@code bind-mounts /var/run/docker.sock}): only admins change
 *                   a service that holds any
 * @param resources what each task reserves and may use at most
 * @param placement where its tasks may run
 */
public record SwarmService(
        String id,
        String name,
        String image,
        ServiceMode mode,
        long desiredReplicas,
        long runningReplicas,
        List<PublishedPort> ports,
        Map<String, String> labels,
        String stack,
        UpdateStatus updateStatus,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<String> privileges,
        ServiceResources resources,
        Placement placement) implements Serializable {

    /** The fields the services list sorts by ({@code sort=}). */
    public static final Ordering<SwarmService> ORDERING = Ordering.<SwarmService>of()
            .by("name", SwarmService::name)
            .by("image", SwarmService::image)
            .byWord("mode", SwarmService::mode)
            .by("stack", SwarmService::stack)
            .by("replicas", SwarmService::desiredReplicas)
            .by("running", SwarmService::runningReplicas)
            .by("created", SwarmService::createdAt)
            .by("updated", SwarmService::updatedAt);

    public SwarmService {
        resources = resources == null ? ServiceResources.NONE : resources;
        placement = placement == null ? Placement.ANYWHERE : placement;
        ports = ports == null ? List.of() : List.copyOf(ports);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        privileges = privileges == null ? List.of() : List.copyOf(privileges);
    }

    public SwarmService withPrivileges(List<String> held) {
        return new SwarmService(id, name, image, mode, desiredReplicas, runningReplicas, ports, labels, stack,
                updateStatus, createdAt, updatedAt, version, held, resources, placement);
    }

    /** Holds host privileges: changed by admins only. */
    public boolean isPrivileged() {
        return !privileges.isEmpty();
    }

    /** Every desired replica is running. */
    public boolean isConverged() {
        return runningReplicas >= desiredReplicas;
    }
}
