package dev.swarmmanager.mirror.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.ServiceHealth;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.OnThisThread;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterMirrorIT extends InContainer {

    @Inject
    ClusterMirror mirror;
    @Inject
    OnThisThread onThisThread;

    @Test
    void getHealthStatusReflectsNodesAndServices() {
        String name = Lab.uniqueName("it-health");
        Lab.createWorkerService(name, 2);
        try {
            mirror.refresh();
            HealthStatus status = mirror.health();
            assertThat(status.stale()).isFalse();
            assertThat(status.nodeHealth().total()).isEqualTo(docker("node", "ls", "-q").lines().count());
            assertThat(status.nodeHealth().leaderPresent()).isTrue();
            assertThat(status.nodeHealth().managers()).isEqualTo(1);
            assertThat(status.serviceHealth()).filteredOn(s -> s.name().equals(name)).singleElement()
                    .satisfies(s -> {
                        assertThat(s.desiredReplicas()).isEqualTo(2);
                        assertThat(s.runningReplicas()).isEqualTo(2);
                        assertThat(s.healthy()).isTrue();
                    });
            assertThat(status.reasons()).noneMatch(r -> r.contains(name));
            assertThat(status.snapshotAgeSeconds()).isBetween(0.0, 5.0);
        } finally {
            Lab.removeServiceQuietly(name);
        }
    }

    @Test
    void aServiceShortOfReplicasDegradesTheClusterWithTheReason() {
        String name = Lab.uniqueName("it-unplaceable");
        docker("service", "create", "--detach", "--name", name, "--constraint", "node.hostname==nowhere", "ocr-worker:1.0");
        try {
            mirror.refresh();
            HealthStatus status = mirror.health();
            assertThat(status.overallHealth()).isEqualTo(OverallHealth.DEGRADED);
            assertThat(status.reasons()).contains("service " + name + " runs 0 of 1 replicas");
            assertThat(status.serviceHealth()).filteredOn(s -> s.name().equals(name))
                    .extracting(ServiceHealth::healthy).containsExactly(false);
        } finally {
            Lab.removeServiceQuietly(name);
        }
    }

    @Test
    void failedTasksAreDetectedWithTheirError() {
        String name = Lab.uniqueName("it-crash");
        docker("service", "create", "--detach", "--name", name, "--restart-max-attempts", "1",
                "ocr-worker:1.0", "sh", "-c", "exit 3");
        try {
            Lab.await(Duration.ofSeconds(30), () -> docker("service", "ps", name, "--format", "{{.CurrentState}}")
                    .contains("Failed"), () -> "a failed task");
            mirror.refresh();
            HealthStatus status = mirror.health();
            assertThat(status.errors()).filteredOn(e -> name.equals(e.serviceName())).isNotEmpty()
                    .allSatisfy(e -> {
                        assertThat(e.state()).isEqualTo(TaskState.FAILED);
                        assertThat(e.error()).contains("exit (3)");
                    });
            assertThat(status.taskSuccessRate()).isLessThan(100.0);
        } finally {
            Lab.removeServiceQuietly(name);
        }
    }

    @Test
    void getStatisticsCountsLikeTheCli() {
        // A container of a service an earlier test removed may still be stopping (and a read while a service vanishes
        // leaves the mirror without a state until the next): compare once the nodes have settled
        // The read that matched is the one checked: a later read and a later CLI call may fall either side of a change
        // (a CI run saw the mirror's last read keep a service the CLI had just stopped listing). A mirror that never
        // matches times out.
        java.util.concurrent.atomic.AtomicReference<ClusterStatistics> matched = new java.util.concurrent.atomic.AtomicReference<>();
        Lab.await(Duration.ofSeconds(30), () -> {
            mirror.refresh();
            ClusterStatistics read = mirror.statistics();
            boolean same = read != null && read.tasks().running() == runningContainers() && read.services().total() == services();
            if (same) {
                matched.set(read);
            }
            return same;
        }, () -> "the mirror's services and running tasks to match the CLI's");
        ClusterStatistics stats = matched.get();
        assertThat(stats.stale()).isFalse();
        assertThat(stats.cluster().nodes()).isEqualTo(docker("node", "ls", "-q").lines().count());
        assertThat(stats.cluster().managers()).isEqualTo(docker("node", "ls", "-q", "--filter", "role=manager").lines().count());
        assertThat(stats.cluster().workers()).isEqualTo(docker("node", "ls", "-q", "--filter", "role=worker").lines().count());
    }

    private static long services() {
        return docker("service", "ls", "-q").lines().filter(l -> !l.isBlank()).count();
    }

    private static long runningContainers() {
        return docker("ps", "-q").lines().filter(l -> !l.isBlank()).count()
                + Lab.dockerOn("worker1", "ps", "-q").lines().filter(l -> !l.isBlank()).count()
                + Lab.dockerOn("worker2", "ps", "-q").lines().filter(l -> !l.isBlank()).count();
    }

    @Test
    void aRefreshCostsFourEngineCallsAndReadsCostNone() {
        long before = onThisThread.engineCalls();
        long published = onThisThread.snapshots();
        mirror.refresh();
        assertThat(onThisThread.engineCalls() - before).isEqualTo(4);
        assertThat(onThisThread.snapshots()).isEqualTo(published + 1);
        assertThat(mirror.swarm().clusterId()).isEqualTo(docker("info", "--format", "{{.Swarm.Cluster.ID}}"));
        before = onThisThread.engineCalls();
        for (int i = 0; i < 100; i++) {
            mirror.health();
            mirror.statistics();
            mirror.swarm();
        }
        assertThat(onThisThread.engineCalls() - before).isZero();
    }

    @Test
    void aKilledWorkerShowsDownWithinOneRefresh() {
        Lab.lab("kill", "worker2");
        try {
            Lab.await(Duration.ofSeconds(30), () -> docker("node", "ls", "--filter", "name=worker2", "--format", "{{.Status}}")
                    .equals("Down"), () -> "the managers to see worker2 down");
            mirror.refresh();
            HealthStatus status = mirror.health();
            assertThat(status.nodeHealth().down()).isEqualTo(1);
            assertThat(status.nodeHealth().unhealthyNodes()).containsExactly("worker2");
            assertThat(status.reasons()).contains("node worker2 is down");
            assertThat(status.overallHealth()).isEqualTo(OverallHealth.DEGRADED);
            assertThat(mirror.statistics().cluster().down()).isEqualTo(1);
        } finally {
            Lab.lab("start", "worker2");
            Lab.await(Duration.ofSeconds(30), () -> docker("node", "ls", "--filter", "name=worker2", "--format", "{{.Status}}")
                    .equals("Ready"), () -> "worker2 to be ready again");
        }
        mirror.refresh();
        assertThat(mirror.health().nodeHealth().down()).isZero();
    }

    @Test
    void oneServiceIsReadAgainAloneInTwoEngineCallsAndLeavesWhenRemoved() {
        mirror.refresh();
        int servicesBefore = mirror.current().orElseThrow().services().size();
        String name = Lab.uniqueName("it-mirror");
        Lab.createWorkerService(name, 2);
        try {
            String id = docker("service", "inspect", name, "--format", "{{.ID}}");
            long before = onThisThread.engineCalls();
            boolean settled = mirror.refreshService(name);
            assertThat(onThisThread.engineCalls() - before).isEqualTo(2);
            ClusterState state = mirror.current().orElseThrow();
            assertThat(state.services()).hasSize(servicesBefore + 1);
            assertThat(state.service(name)).hasValueSatisfying(s -> {
                assertThat(s.id()).isEqualTo(id);
                assertThat(s.desiredReplicas()).isEqualTo(2);
                assertThat(s.runningReplicas()).isEqualTo(2);
            });
            assertThat(state.tasksOf(id)).extracting(SwarmTask::id)
                    .containsExactlyInAnyOrderElementsOf(docker("service", "ps", "-q", name).lines().toList());
            assertThat(settled).as("both replicas run, as createWorkerService waited for").isTrue();
            assertThat(mirror.statistics().services().total()).isEqualTo(servicesBefore + 1);

            docker("service", "rm", name);
            mirror.refreshService(id);
            assertThat(mirror.current().orElseThrow().service(name)).isEmpty();
            assertThat(mirror.current().orElseThrow().tasksOf(id)).isEmpty();
            assertThat(mirror.current().orElseThrow().services()).hasSize(servicesBefore);
        } finally {
            Lab.removeServiceQuietly(name);
        }
    }

    @Test
    void severalServicesReadAgainAreJudgedAndPublishedOnce() {
        mirror.refresh();
        String first = Lab.uniqueName("it-batch");
        String second = Lab.uniqueName("it-batch");
        docker("service", "create", "--detach", "--quiet", "--name", first, "ocr-worker:1.0");
        docker("service", "create", "--detach", "--quiet", "--name", second, "--constraint", "node.hostname==nowhere",
                "ocr-worker:1.0");
        try {
            Lab.awaitRunning(first, 1);
            long published = onThisThread.snapshots();
            var unsettled = mirror.refreshServices(List.of(first, second));
            assertThat(onThisThread.snapshots()).isEqualTo(published + 1);
            ClusterState state = mirror.current().orElseThrow();
            assertThat(state.service(first)).isPresent();
            assertThat(unsettled).as("the one that cannot be placed")
                    .containsExactly(state.service(second).orElseThrow().id());
            assertThat(mirror.health().reasons()).contains("service " + second + " runs 0 of 1 replicas");
        } finally {
            Lab.removeServiceQuietly(first);
            Lab.removeServiceQuietly(second);
        }
    }
}
