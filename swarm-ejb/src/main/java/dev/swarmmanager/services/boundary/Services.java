package dev.swarmmanager.services.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.translation.ClusterReader;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.compose.ImageReference;
import dev.swarmmanager.services.control.ServiceSpecs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    @Inject
    DeploymentPolicy policy;

    @Inject
    ClusterReader reader;

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
        return reader.readServices().stream().sorted(ClusterState.SERVICE_ORDER).toList();
    }

    /** @param reference the service's name, ID or ID prefix */
    public SwarmService inspect(String reference) {
        SwarmService service = reader.readService(reference, Map.of()).service();
        if (service == null) {
            throw new ResourceNotFoundException(SERVICE, reference);
        }
        return service;
    }

    /**
     * Sets a replicated service's replica count. Swarm starts or stops tasks to match. A service that holds host
     * privileges is scaled by admins only (the deployment policy).
     *
     * @param replicas from 0 to {@code swarm.services.max-replicas}, a guard against a typo asking for thousands
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.scale")
    public SwarmService scale(String reference, long replicas) {
        long maxReplicas = policy.rules().settings().maxReplicas();
        if (replicas < 0 || replicas > maxReplicas) {
            throw new InvalidRequestException("replicas", "must be between 0 and " + maxReplicas + " (got " + replicas + ")");
        }
        specs.update(reference, spec -> {
            policy.enforce(policy.rules().changeOf(path(spec), spec, policy.managers()));
            ServiceSpecs.setReplicas(spec, reference, replicas);
        });
        return readBack(reference);
    }

    /** The deployment policy names a service as Compose would: {@code services.<name>}. */
    private static String path(JsonNode spec) {
        return "services." + spec.path("Name").asText();
    }

    /**
     * Rolls the service out to another image, task by task as its update config says ({@code docker service
     * update --image}), through the deployment policy: the image's registry must be allowed, and a service that
     * holds host privileges (the Docker socket, added capabilities) is given another image by admins only.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.update-image")
    public SwarmService updateImage(String reference, String image) {
        String wanted = ImageReference.validate(image);
        specs.update(reference, spec -> {
            List<PolicyViolation> violations = new ArrayList<>(policy.rules().changeOf(path(spec), spec, policy.managers()));
            violations.addAll(policy.rules().image(path(spec), wanted));
            policy.enforce(violations);
            ServiceSpecs.setImage(spec, wanted);
        });
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
