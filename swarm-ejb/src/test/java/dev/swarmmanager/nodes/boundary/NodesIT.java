package dev.swarmmanager.nodes.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.ManagerStatus;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Needs the multi-node lab: manager1, worker1, worker2. */
class NodesIT extends InContainer {

    @Inject
    Nodes nodes;

    @AfterEach
    void restoreAvailability() {
        for (String node : docker("node", "ls", "--format", "{{.Hostname}}").split("\n")) {
            docker("node", "update", "--availability", "active", node);
        }
    }

    @Test
    void listNodesShowsEveryNodeLikeTheCli() {
        var listed = nodes.list();
        assertThat(listed).extracting(SwarmNode::hostname)
                .containsExactlyInAnyOrderElementsOf(docker("node", "ls", "--format", "{{.Hostname}}").lines().toList());
        SwarmNode manager = listed.get(0);
        assertThat(manager.hostname()).isEqualTo("manager1");
        assertThat(manager.role()).isEqualTo(NodeRole.MANAGER);
        assertThat(manager.managerStatus()).isEqualTo(ManagerStatus.LEADER);
        assertThat(manager.state()).isEqualTo(NodeState.READY);
        assertThat(manager.address()).isEqualTo("198.18.0.11");
        assertThat(manager.engineVersion()).isEqualTo(docker("version", "--format", "{{.Server.Version}}"));
        assertThat(manager.id()).isEqualTo(docker("node", "inspect", "manager1", "--format", "{{.ID}}"));
        assertThat(listed).filteredOn(n -> n.role() == NodeRole.WORKER).isNotEmpty()
                .allSatisfy(w -> assertThat(w.managerStatus()).isNull());
    }

    @Test
    void nodeLifecycleListInspectDrainRestoreRemove() {
        SwarmNode worker = nodes.list().stream().filter(n -> n.hostname().equals("worker2")).findFirst().orElseThrow();
        assertThat(nodes.inspect(worker.id()).hostname()).isEqualTo("worker2");
        assertThat(nodes.inspect("worker2").id()).isEqualTo(worker.id());

        String service = Lab.uniqueName("it-drain");
        docker("service", "create", "--detach", "--name", service, "--mode", "global", "--stop-grace-period", "2s", "ocr-worker:1.0");
        try {
            Lab.await(Duration.ofSeconds(60), () -> tasksOn(service, "worker2") == 1, () -> "a task on worker2");

            SwarmNode drained = nodes.updateAvailability("worker2", "drain");
            assertThat(drained.availability()).isEqualTo(NodeAvailability.DRAIN);
            assertThat(docker("node", "inspect", "worker2", "--format", "{{.Spec.Availability}}")).isEqualTo("drain");
            Lab.await(Duration.ofSeconds(60), () -> tasksOn(service, "worker2") == 0, () -> "worker2 to run no task");

            assertThat(nodes.updateAvailability("worker2", "active").availability()).isEqualTo(NodeAvailability.ACTIVE);
            assertThat(docker("node", "inspect", "worker2", "--format", "{{.Spec.Availability}}")).isEqualTo("active");
            Lab.await(Duration.ofSeconds(60), () -> tasksOn(service, "worker2") == 1, () -> "worker2 to run its task again");
        } finally {
            Lab.removeServiceQuietly(service);
        }

        assertThatThrownBy(() -> nodes.remove("worker2", false))
                .isInstanceOf(OperationConflictException.class).hasMessageContaining("down");
        nodes.remove("worker2", true);
        assertThat(docker("node", "ls", "--format", "{{.Hostname}}").lines()).doesNotContain("worker2");
        rejoin("worker2");
    }

    @Test
    void anInvalidAvailabilityIsRejectedAndChangesNothing() {
        assertThatThrownBy(() -> nodes.updateAvailability("worker1", "sleeping"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("availability must be one of active, pause, drain (got 'sleeping')");
        assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Availability}}")).isEqualTo("active");
    }

    @Test
    void pauseKeepsTasksButStopsScheduling() {
        assertThat(nodes.updateAvailability("worker1", "PAUSE").availability()).isEqualTo(NodeAvailability.PAUSE);
        assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Availability}}")).isEqualTo("pause");
    }

    @Test
    void aWorkerIsPromotedAndDemotedBackAndTheCliAgrees() {
        try {
            SwarmNode promoted = nodes.changeRole("worker1", "manager");
            assertThat(promoted.role()).isEqualTo(NodeRole.MANAGER);
            assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Role}}")).isEqualTo("manager");
            Lab.await(Duration.ofSeconds(60), () -> docker("node", "inspect", "worker1", "--format",
                    "{{if .ManagerStatus}}{{.ManagerStatus.Reachability}}{{end}}").equals("reachable"), () -> "worker1 to join the managers");

            // Two managers need both for every change, and Swarm refuses changes while the new one catches up ("the Engine
            // cannot reach the Swarm now", a 503 at the edge): seen in most runs on a busy two-core machine. As a user
            // told to try again later would, the demotion is asked again; any other answer fails the test.
            AtomicReference<SwarmNode> demoted = new AtomicReference<>();
            Lab.await(Duration.ofSeconds(150), () -> {
                try {
                    demoted.set(nodes.changeRole("worker1", "worker"));
                    return true;
                } catch (DockerUnavailableException notNow) {
                    return false;
                }
            }, () -> "Swarm to take worker1's demotion");
            assertThat(demoted.get().role()).isEqualTo(NodeRole.WORKER);
            assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Role}}")).isEqualTo("worker");
        } finally {
            // The lab must go on with one manager whatever happened: a Swarm of two managers that the test left behind
            // loses its quorum when either is slow, and every later class fails on it. Swarm may refuse a demotion for
            // a while ("context deadline exceeded" while the new manager catches up): it is asked again.
            Lab.await(Duration.ofSeconds(90), () -> {
                try {
                    docker("node", "demote", "worker1");
                } catch (AssertionError refusedForNow) {
                    // a worker already, or not yet possible: the role decides
                }
                return docker("node", "inspect", "worker1", "--format", "{{.Spec.Role}}").equals("worker");
            }, () -> "worker1 to be a worker again");
            Lab.awaitAllNodesReady(); // a demoted node's agent starts again, and may need a push
        }
    }

    @Test
    void theLastManagerIsNotDemotedAndAnUnknownRoleChangesNothing() {
        assertThatThrownBy(() -> nodes.changeRole("manager1", "worker"))
                .isInstanceOf(OperationConflictException.class).hasMessageContaining("manager1 is the last manager");
        assertThatThrownBy(() -> nodes.changeRole("worker2", "leader"))
                .isInstanceOf(InvalidRequestException.class).hasMessage("role must be one of worker, manager (got 'leader')");
        assertThat(docker("node", "ls", "--filter", "role=manager", "--format", "{{.Hostname}}")).isEqualTo("manager1");
    }

    @Test
    void labelsAreReplacedAsOneWriteAndCheckedFirst() {
        try {
            nodes.replaceLabels("worker2", Map.of("zone", "eu", "com.example.disk", "ssd"));
            assertThat(docker("node", "inspect", "worker2", "--format", "{{json .Spec.Labels}}"))
                    .isEqualTo("{\"com.example.disk\":\"ssd\",\"zone\":\"eu\"}");
            assertThat(nodes.replaceLabels("worker2", Map.of("zone", "us")).labels()).isEqualTo(Map.of("zone", "us"));
            assertThat(docker("node", "inspect", "worker2", "--format", "{{json .Spec.Labels}}")).isEqualTo("{\"zone\":\"us\"}");

            assertThatThrownBy(() -> nodes.replaceLabels("worker2", Map.of("bad key", "x")))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("labels has a key");
            assertThat(docker("node", "inspect", "worker2", "--format", "{{json .Spec.Labels}}")).isEqualTo("{\"zone\":\"us\"}");
        } finally {
            nodes.replaceLabels("worker2", Map.of());
        }
    }

    @Test
    void theLastManagerIsNeverRemoved() {
        assertThatThrownBy(() -> nodes.remove("manager1", true))
                .isInstanceOf(OperationConflictException.class)
                .hasMessageContaining("last manager");
        assertThat(docker("node", "ls", "--format", "{{.Hostname}}").lines()).contains("manager1");
    }

    @Test
    void unknownNodesAreNotFound() {
        assertThatThrownBy(() -> nodes.inspect("no-such-node")).isInstanceOf(ResourceNotFoundException.class)
                .hasMessage("node 'no-such-node' not found");
        assertThatThrownBy(() -> nodes.updateAvailability("no-such-node", "drain")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> nodes.remove("no-such-node", true)).isInstanceOf(ResourceNotFoundException.class);
    }

    private static int tasksOn(String service, String node) {
        return (int) docker("service", "ps", service, "--filter", "desired-state=running", "--filter", "node=" + node,
                "--format", "{{.CurrentState}}").lines().filter(l -> l.startsWith("Running")).count();
    }

    /** Puts a removed lab worker back into the Swarm, as a new node. */
    private static void rejoin(String node) {
        Lab.dockerOn(node, "swarm", "leave", "--force");
        String token = docker("swarm", "join-token", "-q", "worker");
        Lab.dockerOn(node, "swarm", "join", "--token", token, "198.18.0.11:2377");
        Lab.await(Duration.ofSeconds(30), () -> docker("node", "ls", "--filter", "name=" + node, "--format", "{{.Status}}")
                .equals("Ready"), () -> node + " to be ready again");
    }
}
