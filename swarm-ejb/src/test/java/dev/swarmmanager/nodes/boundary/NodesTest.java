package dev.swarmmanager.nodes.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.SwarmNode;
import dev.swarmmanager.docker.DockerAccess;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ManagerStatus;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.fakes.FakeDocker;
import dev.swarmmanager.fakes.FakeEngine;
import dev.swarmmanager.fakes.Fixtures;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.security.Callers;
import dev.swarmmanager.translation.Readers;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class NodesTest {

    private final FakeDocker docker = new FakeDocker();
    private final FakeEngine engine = new FakeEngine();

    /** As an admin, with a mirror that has not read the cluster yet: the bean asks the Engine. */
    private Nodes nodes() {
        DockerAccess access = new DockerAccess(engine);
        Nodes nodes = new Nodes();
        nodes.docker = docker.client();
        nodes.calls = access.calls();
        nodes.engine = access.api();
        nodes.mirror = new ClusterMirror();
        nodes.reader = Readers.over(docker.client(), access);
        nodes.security = Callers.signedIn("alice", Role.ADMIN);
        nodes.clusterRoles = Callers.rolesOf(nodes.security);
        return nodes;
    }

    @Test
    void listNodesSuccess() {
        docker.answer("listSwarmNodesCmd", FakeDocker.models(Fixtures.engine("nodes.json"), SwarmNode.class));

        var listed = nodes().list();

        assertThat(listed).extracting(dev.swarmmanager.domain.SwarmNode::hostname)
                .containsExactly("manager1", "worker1", "worker2");
        var manager = listed.get(0);
        assertThat(manager.role()).isEqualTo(NodeRole.MANAGER);
        assertThat(manager.managerStatus()).isEqualTo(ManagerStatus.LEADER);
        assertThat(manager.managerAddress()).isEqualTo("198.18.0.11:2377");
        assertThat(manager.address()).isEqualTo("198.18.0.11");
        assertThat(manager.engineVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(manager.cpus()).isPositive();
        assertThat(manager.memoryBytes()).isPositive();
        assertThat(listed.get(1).managerStatus()).isNull();
        assertThat(docker.totalCalls()).isEqualTo(1);
    }

    @Test
    void dockerExceptionHandlingListNodes() {
        docker.fail("listSwarmNodesCmd", new RuntimeException(new UncheckedIOException(new ConnectException("Connection refused"))));

        assertThatThrownBy(() -> nodes().list())
                .isInstanceOf(DockerUnavailableException.class)
                .hasMessage("Docker is unavailable: ConnectException: Connection refused");
    }

    @Test
    void updateNodeAvailability() {
        engine.on("GET /nodes/worker1", 200, Fixtures.engine("node-worker1.json"))
                .on("POST /nodes/yuoszojdekcnd9uj9ab2iekzs/update?version=440", 200, "")
                .on("GET /nodes/worker1", 200, Fixtures.engine("node-worker1.json").replace("\"active\"", "\"drain\""));

        var node = nodes().updateAvailability("worker1", "drain");

        assertThat(node.availability()).isEqualTo(NodeAvailability.DRAIN);
        assertThat(engine.posts()).singleElement().satisfies(post -> {
            assertThat(post.body()).contains("\"Availability\":\"drain\"").contains("\"Role\":\"worker\"");
        });
    }

    @Test
    void updateNodeAvailabilityInvalid() {
        assertThatThrownBy(() -> nodes().updateAvailability("worker1", "maintenance"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("availability must be one of active, pause, drain (got 'maintenance')");
        assertThat(engine.exchanges()).isEmpty();
        assertThat(docker.totalCalls()).isZero();
    }

    @Test
    void updatingAnUnknownNodeIsNotFound() {
        engine.on("GET /nodes/ghost", 404, "{\"message\":\"node ghost not found\"}");
        assertThatThrownBy(() -> nodes().updateAvailability("ghost", "drain"))
                .isInstanceOf(ResourceNotFoundException.class).hasMessage("node 'ghost' not found");
        assertThat(engine.posts()).isEmpty();
    }

    @Test
    void theLastManagerIsNotRemoved() {
        engine.on("GET /nodes/manager1", 200, Fixtures.engine("node-manager1.json"));
        docker.answer("listSwarmNodesCmd", FakeDocker.models(Fixtures.engine("nodes.json"), SwarmNode.class));
        docker.answer("infoCmd", FakeDocker.model("{\"Swarm\":{\"NodeID\":\"rnpd2btwebdj13sqmt9lbdiqx\"}}",
                com.github.dockerjava.api.model.Info.class));
        assertThatThrownBy(() -> nodes().remove("manager1", true))
                .isInstanceOf(OperationConflictException.class)
                .hasMessage("node manager1 is the last manager: removing it would destroy the Swarm");
        assertThat(docker.calls("removeSwarmNodeCmd")).isZero();
    }
}
