package dev.swarmmanager.translation;

import com.github.dockerjava.api.model.ContainerSpec;
import com.github.dockerjava.api.model.PortConfig;
import com.github.dockerjava.api.model.ResourceRequirements;
import com.github.dockerjava.api.model.ResourceSpecs;
import com.github.dockerjava.api.model.ServicePlacement;
import com.github.dockerjava.api.model.TaskSpec;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.ServiceModeConfig;
import com.github.dockerjava.api.model.ServiceSpec;
import com.github.dockerjava.api.model.ServiceUpdateStatus;
import com.github.dockerjava.api.model.Task;
import com.github.dockerjava.api.model.TaskState;
import dev.swarmmanager.docker.Times;
import dev.swarmmanager.domain.CpuMemory;
import dev.swarmmanager.domain.Placement;
import dev.swarmmanager.domain.PublishedPort;
import dev.swarmmanager.domain.ServiceResources;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.UpdateStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * docker-java's service model to ours, with the replica counts that {@code docker service ls} shows.
 * Counting takes the whole task list at once, so a listing costs two Engine calls however many services
 * there are.
 */
public final class ServiceTranslator {

    /** The label {@code docker stack deploy} puts on everything it creates. */
    public static final String STACK_LABEL = "com.docker.stack.namespace";

    private ServiceTranslator() {
    }

    /**
     * @param tasks the cluster's tasks (at least those whose desired state is running)
     */
    public static List<SwarmService> withReplicaCounts(List<Service> services, List<Task> tasks) {
        Map<String, Long> running = tasks.stream()
                .filter(t -> t.getDesiredState() == TaskState.RUNNING && t.getStatus() != null
                        && t.getStatus().getState() == TaskState.RUNNING)
                .collect(Collectors.groupingBy(Task::getServiceId, Collectors.counting()));
        Map<String, Long> wanted = tasks.stream()
                .filter(t -> t.getDesiredState() == TaskState.RUNNING)
                .collect(Collectors.groupingBy(Task::getServiceId, Collectors.counting()));
        return services.stream()
                .map(s -> toService(s, running.getOrDefault(s.getId(), 0L), wanted.getOrDefault(s.getId(), 0L)))
                .toList();
    }

    /**
     * @param tasksWanted tasks Swarm wants running for this service: the desired count of a global service
     */
    public static SwarmService toService(Service service, long running, long tasksWanted) {
        ServiceSpec spec = Optional.ofNullable(service.getSpec()).orElseGet(ServiceSpec::new);
        ServiceMode mode = mode(spec.getMode());
        long desired = mode == ServiceMode.REPLICATED ? spec.getMode().getReplicated().getReplicas() : tasksWanted;
        Map<String, String> labels = spec.getLabels() == null ? Map.of() : spec.getLabels();
        return new SwarmService(
                service.getId(),
                spec.getName(),
                image(spec),
                mode,
                desired,
                running,
                ports(service),
                labels,
                labels.get(STACK_LABEL),
                updateStatus(service.getUpdateStatus()),
                Times.of(service.getCreatedAt()),
                Times.of(service.getUpdatedAt()),
                service.getVersion() == null || service.getVersion().getIndex() == null ? 0 : service.getVersion().getIndex(),
                List.of(),
                resources(spec.getTaskTemplate()),
                placement(spec.getTaskTemplate()));
    }

    static ServiceResources resources(TaskSpec task) {
        ResourceRequirements resources = task == null ? null : task.getResources();
        if (resources == null) {
            return ServiceResources.NONE;
        }
        return new ServiceResources(amount(resources.getReservations()), amount(resources.getLimits()));
    }

    private static CpuMemory amount(ResourceSpecs specs) {
        if (specs == null) {
            return CpuMemory.NONE;
        }
        return CpuMemory.ofNanoCpus(specs.getNanoCPUs() == null ? 0 : specs.getNanoCPUs(),
                specs.getMemoryBytes() == null ? 0 : specs.getMemoryBytes());
    }

    static Placement placement(TaskSpec task) {
        ServicePlacement placement = task == null ? null : task.getPlacement();
        if (placement == null) {
            return Placement.ANYWHERE;
        }
        return new Placement(placement.getConstraints(), placement.getMaxReplicas() == null ? 0 : placement.getMaxReplicas());
    }

    static ServiceMode mode(ServiceModeConfig mode) {
        if (mode != null && mode.getGlobal() != null) {
            return ServiceMode.GLOBAL;
        }
        return ServiceMode.REPLICATED;
    }

    /** The image as the user wrote it: Swarm may have pinned a digest behind it ({@code @sha256:...}). */
    static String image(ServiceSpec spec) {
        ContainerSpec container = spec.getTaskTemplate() == null ? null : spec.getTaskTemplate().getContainerSpec();
        if (container == null || container.getImage() == null) {
            return null;
        }
        String image = container.getImage();
        int digest = image.indexOf('@');
        return digest > 0 ? image.substring(0, digest) : image;
    }

    private static List<PublishedPort> ports(Service service) {
        PortConfig[] ports = service.getEndpoint() == null ? null : service.getEndpoint().getPorts();
        if (ports == null) {
            return List.of();
        }
        return Arrays.stream(ports)
                .map(p -> new PublishedPort(
                        p.getProtocol() == null ? "tcp" : p.getProtocol().name().toLowerCase(Locale.ROOT),
                        p.getTargetPort(),
                        p.getPublishedPort() == 0 ? null : p.getPublishedPort(),
                        p.getPublishMode() == null ? "ingress" : p.getPublishMode().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static UpdateStatus updateStatus(ServiceUpdateStatus status) {
        if (status == null) {
            return null;
        }
        return new UpdateStatus(
                status.getState() == null ? null : status.getState().name().toLowerCase(Locale.ROOT),
                status.getMessage(),
                Times.of(status.getStartedAt()),
                Times.of(status.getCompletedAt()));
    }

    /** Services by ID, for joining tasks to their service's name. */
    public static Map<String, String> namesById(List<Service> services) {
        return services.stream().filter(s -> s.getSpec() != null)
                .collect(Collectors.toMap(Service::getId, s -> s.getSpec().getName(), (a, b) -> a));
    }

}
