package dev.swarmmanager.services.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.OnThisThread;
import dev.swarmmanager.translation.ClusterReader;
import jakarta.inject.Inject;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServicesIT extends InContainer {

    @Inject
    Services services;
    @Inject
    OnThisThread onThisThread;
    @Inject
    ClusterReader reader;
    private String name;

    @Resource
    ManagedExecutorService executor;

    @BeforeEach
    void createService() {
        name = Lab.uniqueName("it-svc");
        Lab.createWorkerService(name, 1);
        // Lists are served from the mirror, which the event watch brings up to date a moment after the CLI's change.
        awaitListed(name, s -> s.runningReplicas() == 1);
    }

    @AfterEach
    void removeService() {
        Lab.removeServiceQuietly(name);
    }

    @Test
    void fullWorkflowListScaleList() {
        SwarmService before = find(name);
        assertThat(before.desiredReplicas()).isEqualTo(1);
        assertThat(before.runningReplicas()).isEqualTo(1);
        assertThat(before.image()).isEqualTo("ocr-worker:1.0");
        assertThat(before.mode()).isEqualTo(ServiceMode.REPLICATED);

        SwarmService scaled = services.scale(name, 3);
        assertThat(scaled.desiredReplicas()).isEqualTo(3);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("3");

        Lab.awaitRunning(name, 3);
        SwarmService after = awaitListed(name, s -> s.runningReplicas() == 3);
        assertThat(after.desiredReplicas()).isEqualTo(3);
        assertThat(after.runningReplicas()).isEqualTo(3);
        assertThat(after.version()).isGreaterThan(before.version());
    }

    @Test
    void servicesAreFoundByIdAsWellAsByName() {
        String id = docker("service", "inspect", name, "--format", "{{.ID}}");
        assertThat(services.scale(id, 2).name()).isEqualTo(name);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("2");
    }

    @Test
    void readingEveryServiceFromDockerCostsTwoEngineCallsWhateverTheirNumber() {
        // What a list costs while the mirror is not current (and what each full read of the mirror starts with).
        long before = onThisThread.engineCalls();
        var read = reader.readServices();
        assertThat(onThisThread.engineCalls() - before).isEqualTo(2);
        assertThat(read.stream().map(SwarmService::name).toList())
                .containsExactlyInAnyOrderElementsOf(docker("service", "ls", "--format", "{{.Name}}").lines().toList());
        assertThat(read).filteredOn(s -> s.name().equals(name)).singleElement()
                .satisfies(s -> assertThat(s.runningReplicas()).isEqualTo(1));
    }

    @Test
    void listingIsServedFromTheMirrorWithoutAnEngineCall() {
        long before = onThisThread.engineCalls();
        var listed = services.list(ServiceFilter.ALL);
        assertThat(listed).extracting(SwarmService::name).contains(name);
        assertThat(listed.stream().map(SwarmService::name).toList())
                .containsExactlyInAnyOrderElementsOf(docker("service", "ls", "--format", "{{.Name}}").lines().toList());
        assertThat(onThisThread.engineCalls() - before).isZero();
    }

    @Test
    void listFiltersByNameLabelAndMode() {
        assertThat(services.list(new ServiceFilter(name.substring(0, 10), null, null, null)))
                .extracting(SwarmService::name).contains(name);
        assertThat(services.list(new ServiceFilter(name, "it=true", "replicated", null)))
                .extracting(SwarmService::name).containsExactly(name);
        assertThat(services.list(new ServiceFilter(name, null, "global", null))).isEmpty();
        assertThat(services.list(new ServiceFilter(name, "it=false", null, null))).isEmpty();
        assertThatThrownBy(() -> services.list(new ServiceFilter(null, null, "sideways", null)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("replicated, global");
    }

    @Test
    void scalingToNegativeReplicasIsRejectedAndChangesNothing() {
        assertThatThrownBy(() -> services.scale(name, -1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("replicas").hasMessageContaining("-1");
        assertThatThrownBy(() -> services.scale(name, 101)).isInstanceOf(InvalidRequestException.class);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("1");
    }

    @Test
    void scalingAnUnknownServiceIsNotFound() {
        assertThatThrownBy(() -> services.scale("no-such-service-x", 2))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("service 'no-such-service-x' not found");
    }

    @Test
    void globalServicesCannotBeScaled() {
        String global = Lab.uniqueName("it-global");
        docker("service", "create", "--detach", "--name", global, "--mode", "global", "ocr-worker:1.0");
        try {
            assertThatThrownBy(() -> services.scale(global, 2))
                    .isInstanceOf(OperationConflictException.class).hasMessageContaining("global");
            Lab.await(Duration.ofSeconds(30), () -> !services.list(new ServiceFilter(global, null, "global", null)).isEmpty(),
                    () -> "the mirror to list " + global);
            assertThat(services.list(new ServiceFilter(global, null, "global", null)))
                    .extracting(SwarmService::mode).containsExactly(ServiceMode.GLOBAL);
        } finally {
            Lab.removeServiceQuietly(global);
        }
    }

    @Test
    void imageUpdateRollsOutTheNewImage() {
        SwarmService updated = services.updateImage(name, "ocr-worker:2.0");
        assertThat(updated.image()).isEqualTo("ocr-worker:2.0");
        Lab.await(Duration.ofSeconds(60), () -> docker("service", "ps", name, "--filter", "desired-state=running",
                        "--format", "{{.Image}} {{.CurrentState}}").matches("ocr-worker:2.0 Running.*"),
                () -> "the task to run ocr-worker:2.0");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .isEqualTo("ocr-worker:2.0");
    }

    @Test
    void anInvalidImageIsRejectedAndChangesNothing() {
        assertThatThrownBy(() -> services.updateImage(name, "Not An Image!"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("image");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .startsWith("ocr-worker:1.0");
    }

    @Test
    void updatesKeepSettingsDockerJavaDoesNotModel() {
        docker("service", "update", "--detach", "--cap-add", "NET_ADMIN", "--sysctl-add", "net.core.somaxconn=1024", name);
        services.scale(name, 2);
        assertThat(docker("service", "inspect", name, "--format",
                "{{.Spec.TaskTemplate.ContainerSpec.CapabilityAdd}} {{.Spec.TaskTemplate.ContainerSpec.Sysctls}}"))
                .isEqualTo("[CAP_NET_ADMIN] map[net.core.somaxconn:1024]");
    }

    @Test
    void concurrentScaleAndImageUpdateBothLand() {
        for (int round = 0; round < 3; round++) {
            String image = round % 2 == 0 ? "ocr-worker:2.0" : "ocr-worker:1.0";
            int replicas = 2 + round;
            // On the server's managed executor, which carries the caller's identity as a request's threads would.
            var scale = CompletableFuture.runAsync(() -> services.scale(name, replicas), executor);
            var roll = CompletableFuture.runAsync(() -> services.updateImage(name, image), executor);
            CompletableFuture.allOf(scale, roll).join();
            assertThat(docker("service", "inspect", name, "--format",
                    "{{.Spec.Mode.Replicated.Replicas}} {{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                    .isEqualTo(replicas + " " + image);
        }
    }

    @Test
    void removeDeletesTheService() {
        services.remove(name);
        assertThat(docker("service", "ls", "--filter", "name=" + name, "--format", "{{.Name}}")).isEmpty();
        assertThatThrownBy(() -> services.remove(name)).isInstanceOf(ResourceNotFoundException.class);
    }

    private SwarmService awaitListed(String service, Predicate<SwarmService> state) {
        Lab.await(Duration.ofSeconds(30), () -> services.list(new ServiceFilter(service, null, null, null)).stream()
                .anyMatch(s -> s.name().equals(service) && state.test(s)), () -> "the list to show " + service + " as expected");
        return find(service);
    }

    private SwarmService find(String service) {
        return services.list(new ServiceFilter(service, null, null, null)).stream()
                .filter(s -> s.name().equals(service)).findFirst().orElseThrow();
    }
}
