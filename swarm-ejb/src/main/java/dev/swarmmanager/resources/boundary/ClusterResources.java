package dev.swarmmanager.resources.boundary;

import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.resources.control.TaskSampler;
import dev.swarmmanager.domain.Headroom;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.ResourceUsage;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.ServiceMeasurement;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.translation.ClusterReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** The cluster's CPU and memory: reserved, free, the room for more tasks, and what tasks use now. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional
public class ClusterResources {

    /** The most replicas one may ask about: a guard against a typo, as for scaling. */
    static final long MAX_REQUESTED = 100_000;
    private static final String SERVICE = "service";

    @Inject
    ClusterMirror mirror;

    @Inject
    ClusterReader reader;

    @Inject
    TaskSampler sampler;

    /** Capacity, reservations and limits per node and service, with the totals over the nodes that take tasks. */
    public ResourceUsage usage() {
        return ResourceUsage.of(state());
    }

    /**
     * How many more tasks of the service fit now, node by node.
     *
     * @param requested the number of replicas more to judge ("can I add 5?"), {@code null} for none
     */
    public Headroom headroom(String reference, Long requested) {
        if (requested != null && (requested < 1 || requested > MAX_REQUESTED)) {
            throw new InvalidRequestException("replicas", "number.from-to", 1, MAX_REQUESTED);
        }
        ClusterState state = state();
        return Headroom.of(state, service(state, reference), requested);
    }

    /**
     * CPU and memory in use by the service's running tasks on the node we are connected to, sampled by the Engine
     * over about a second ({@code docker stats --no-stream}); tasks elsewhere are counted as not measured.
     */
    public ServiceMeasurement measure(String reference) {
        ClusterState state = state();
        SwarmService service = service(state, reference);
        return sampler.measure(state, service);
    }

    private ClusterState state() {
        return mirror.current().orElseGet(reader::read);
    }

    private static SwarmService service(ClusterState state, String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidRequestException(SERVICE, "compose.required");
        }
        return state.service(reference).orElseThrow(() -> new ResourceNotFoundException(SERVICE, reference));
    }
}
