package dev.swarmmanager.services.boundary;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.TaskState;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.mirror.entity.ClusterState;
import dev.swarmmanager.services.control.ImageReference;
import dev.swarmmanager.services.control.ServiceSpecs;
import dev.swarmmanager.services.control.ServiceTranslator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The Swarm's services. Services are found by name or ID; an unknown one is "not found", never a failure. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional: no JTA transaction per call
public class Services {

    private static final String SERVICE = "service";

    @Inject
    DockerClient docker;

    @Inject
    DockerCalls calls;

    @Inject
    ServiceSpecs specs;

    @Inject
    ClusterMirror mirror;

    /** A guard against a typo scaling a service to thousands of tasks. */
    @Inject
    @ConfigProperty(name = "swarm.services.max-replicas", defaultValue = "100")
    int maxReplicas;

    /**
     * From the mirror; from Docker (two Engine calls whatever the number of services: the services, then the
     * tasks meant to run) only when the mirror is not current.
     */
    public List<SwarmService> list(ServiceFilter filter) {
        ServiceFilter wanted = filter == null ? ServiceFilter.ALL : filter;
        wanted.parsedMode(); // an unknown mode is rejected before Docker is asked anything
        List<SwarmService> all = mirror.current().map(ClusterState::services).orElseGet(this::read);
        return wanted.equals(ServiceFilter.ALL) ? all : all.stream().filter(wanted::matches).toList();
    }

    private List<SwarmService> read() {
        var services = calls.call(() -> docker.listServicesCmd().exec());
        var tasks = calls.call(() -> docker.listTasksCmd().withStateFilter(TaskState.RUNNING).exec());
        return ServiceTranslator.withReplicaCounts(services, tasks).stream().sorted(ClusterState.SERVICE_ORDER).toList();
    }

    /** @param reference the service's name, ID or ID prefix */
    public SwarmService inspect(String reference) {
        var service = calls.call(SERVICE, reference, () -> docker.inspectServiceCmd(reference).exec());
        var tasks = calls.call(() -> docker.listTasksCmd().withServiceFilter(service.getId())
                .withStateFilter(TaskState.RUNNING).exec());
        return ServiceTranslator.withReplicaCounts(List.of(service), tasks).get(0);
    }

    /**
     * Sets a replicated service's replica count. Swarm starts or stops tasks to match.
     *
     * @param replicas from 0 to {@code swarm.services.max-replicas}
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.scale")
    public SwarmService scale(String reference, long replicas) {
        if (replicas < 0 || replicas > maxReplicas) {
            throw new InvalidRequestException("replicas", "must be between 0 and " + maxReplicas + " (got " + replicas + ")");
        }
        specs.update(reference, spec -> ServiceSpecs.setReplicas(spec, reference, replicas));
        return readBack(reference);
    }

    /**
     * Rolls the service out to another image, task by task as its update config says ({@code docker service
     * update --image}).
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.update-image")
    public SwarmService updateImage(String reference, String image) {
        String wanted = ImageReference.validate(image);
        specs.update(reference, spec -> ServiceSpecs.setImage(spec, wanted));
        return readBack(reference);
    }

    /** The service as just changed, read once: into the mirror (so lists show the write), and from there. */
    private SwarmService readBack(String reference) {
        mirror.refreshService(reference);
        return mirror.current().flatMap(state -> state.service(reference)).orElseGet(() -> inspect(reference));
    }

    /** Removes the service; Swarm stops its tasks. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("services.remove")
    public void remove(String reference) {
        var service = calls.call(SERVICE, reference, () -> docker.inspectServiceCmd(reference).exec());
        calls.run(SERVICE, reference, () -> docker.removeServiceCmd(service.getId()).exec());
        mirror.refreshService(service.getId());
    }
}
