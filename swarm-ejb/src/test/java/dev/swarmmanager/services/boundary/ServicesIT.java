package dev.swarmmanager.services.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.docker.MeteredHttpClient;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.lab.Wiring;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServicesIT {

    private final Wiring wiring = Lab.wiring();
    private final Services services = wiring.get(Services.class);
    private String name;

    @BeforeEach
    void createService() {
        name = Lab.uniqueName("it-svc");
        Lab.createWorkerService(name, 1);
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
        SwarmService after = find(name);
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
    void listingCostsTwoEngineCallsWhateverTheNumberOfServices() {
        MeteredHttpClient http = wiring.get(MeteredHttpClient.class);
        long before = http.totalCalls();
        var listed = services.list(ServiceFilter.ALL);
        assertThat(listed).extracting(SwarmService::name).contains(name);
        assertThat(http.totalCalls() - before).isEqualTo(2);
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
            var scale = CompletableFuture.runAsync(() -> services.scale(name, replicas));
            var roll = CompletableFuture.runAsync(() -> services.updateImage(name, image));
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

    private SwarmService find(String service) {
        return services.list(new ServiceFilter(service, null, null, null)).stream()
                .filter(s -> s.name().equals(service)).findFirst().orElseThrow();
    }
}
