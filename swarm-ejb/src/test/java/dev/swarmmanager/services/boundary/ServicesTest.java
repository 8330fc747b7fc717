package dev.swarmmanager.services.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Task;
import dev.swarmmanager.docker.DockerAccess;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.fakes.FakeDocker;
import dev.swarmmanager.fakes.FakeEngine;
import dev.swarmmanager.fakes.Fixtures;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.policy.boundary.Policies;
import dev.swarmmanager.rules.DefaultPolicy;
import dev.swarmmanager.security.Callers;
import dev.swarmmanager.services.control.Specs;
import dev.swarmmanager.translation.Readers;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServicesTest {

    private static final String ID = "tpz17s53wlv57ifvxw38ui7qi";

    private final FakeDocker docker = new FakeDocker();
    private final FakeEngine engine = new FakeEngine();

    /**
     * As an operator, under the default deployment policy, with a mirror that has not read the cluster yet: the
     * bean asks the Engine. No audit log: the autoscaler's scales, which write to it themselves, are not driven here.
     */
    private Services services() {
        DockerAccess access = new DockerAccess(engine);
        Services services = new Services();
        services.docker = docker.client();
        services.calls = access.calls();
        services.specs = Specs.over(access);
        services.mirror = new ClusterMirror();
        services.security = Callers.signedIn("olga", Role.OPERATOR);
        services.clusterRoles = Callers.rolesOf(services.security);
        services.policy = Policies.forCaller(services.security, services.clusterRoles, DefaultPolicy.configuration(), services.mirror);
        services.reader = Readers.over(docker.client(), access);
        services.objects = access.objects();
        return services;
    }

    /** What reading the service back after a change asks: the service (from the Engine's JSON) and its tasks. */
    private void answerInspect() {
        docker.answer("listTasksCmd", FakeDocker.models(Fixtures.engine("tasks.json"), Task.class));
    }

    @Test
    void listServicesCountsRunningReplicasFromOneTaskList() {
        engine.on("GET /services", 200, Fixtures.engine("services.json"));
        docker.answer("listTasksCmd", FakeDocker.models(Fixtures.engine("tasks.json"), Task.class));

        List<SwarmService> listed = services().list(ServiceFilter.ALL);

        assertThat(listed).extracting(SwarmService::name).containsExactly("monitor", "ocr-worker");
        SwarmService monitor = listed.get(0);
        assertThat(monitor.mode()).isEqualTo(ServiceMode.GLOBAL);
        assertThat(monitor.desiredReplicas()).isEqualTo(3);
        assertThat(monitor.runningReplicas()).isEqualTo(3);
        SwarmService worker = listed.get(1);
        assertThat(worker.desiredReplicas()).isEqualTo(2);
        assertThat(worker.runningReplicas()).isEqualTo(2);
        assertThat(worker.stack()).isEqualTo("ocr");
        assertThat(worker.image()).isEqualTo("ocr-worker:1.0");
        assertThat(worker.ports()).singleElement().satisfies(p -> {
            assertThat(p.targetPort()).isEqualTo(80);
            assertThat(p.publishedPort()).isEqualTo(8080);
            assertThat(p.protocol()).isEqualTo("tcp");
        });
        assertThat(docker.totalCalls() + engine.exchanges().size()).as("the services, then the tasks").isEqualTo(2);
        assertThat(listed).allSatisfy(s -> assertThat(s.privileges()).isEmpty());
    }

    @Test
    void scaleServiceSuccess() {
        engine.on("GET /services/ocr-worker", 200, Fixtures.engine("service-ocr-worker.json"))
                .on("POST /services/" + ID + "/update?version=482", 200, "{\"Warnings\":null}");
        answerInspect();

        services().scale("ocr-worker", 5);

        assertThat(engine.posts()).singleElement().satisfies(post -> {
            assertThat(post.body()).contains("\"Replicated\":{\"Replicas\":5}");
            assertThat(post.body()).contains("\"Image\":\"ocr-worker:1.0\"").contains("com.docker.stack.namespace");
        });
    }

    @Test
    void scaleRetriesWhenSomeoneElseChangedTheServiceMeanwhile() {
        String moved = Fixtures.engine("service-ocr-worker.json").replace("\"Index\": 482", "\"Index\": 483");
        engine.on("GET /services/ocr-worker", 200, Fixtures.engine("service-ocr-worker.json"))
                .on("GET /services/ocr-worker", 200, moved)
                .on("POST /services/" + ID + "/update?version=482", 500,
                        "{\"message\":\"rpc error: code = Unknown desc = update out of sequence\"}")
                .on("POST /services/" + ID + "/update?version=483", 200, "{}");
        answerInspect();

        services().scale("ocr-worker", 3);

        assertThat(engine.posts()).extracting(FakeEngine.Exchange::path).containsExactly(
                "/services/" + ID + "/update?version=482", "/services/" + ID + "/update?version=483");
    }

    @Test
    void scaleServiceInvalidReplicas() {
        assertThatThrownBy(() -> services().scale("ocr-worker", -1))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("replicas must be between 0 and 100 (got -1)");
        assertThat(engine.exchanges()).isEmpty();
        assertThat(docker.totalCalls()).isZero();
    }

    @Test
    void dockerExceptionHandlingScaleService() {
        engine.unreachable(new RuntimeException(new SocketTimeoutException("Read timed out")));

        assertThatThrownBy(() -> services().scale("ocr-worker", 2))
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessageContaining("Read timed out")
                .satisfies(e -> assertThat(((DockerUnavailableException) e).messageWithHost()).contains("unix:///var/run/docker.sock"));
    }

    @Test
    void aGlobalServiceIsNotScaled() {
        engine.on("GET /services/monitor", 200, "{\"ID\":\"m\",\"Version\":{\"Index\":1},\"Spec\":{\"Mode\":{\"Global\":{}}}}");
        assertThatThrownBy(() -> services().scale("monitor", 2))
                .isInstanceOf(dev.swarmmanager.domain.OperationConflictException.class)
                .hasMessageContaining("global service");
        assertThat(engine.posts()).isEmpty();
    }
}
