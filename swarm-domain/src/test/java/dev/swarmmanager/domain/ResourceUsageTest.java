package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceUsageTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final long GIB = 1L << 30;

    private static SwarmNode node(String name, NodeRole role, NodeAvailability availability, NodeState state,
                                  Map<String, String> labels) {
        return new SwarmNode(name + "-id", name, role, availability, state, null, null, "10.1.2.3", null, "linux", "x86_64",
                2, 4 * GIB, labels, Map.of("storage", "SSD"), NOW, NOW, 1);
    }

    private static SwarmNode worker(String name) {
        return node(name, NodeRole.WORKER, NodeAvailability.ACTIVE, NodeState.READY, Map.of());
    }

    private static SwarmService service(String name, ServiceMode mode, long replicas, CpuMemory reserve, CpuMemory limit,
                                        Placement placement) {
        return new SwarmService(name + "-id", name, "ocr-worker:1.0", mode, replicas, replicas, null, null, null, null,
                NOW, NOW, 1, null, new ServiceResources(reserve, limit), placement);
    }

    private static List<SwarmTask> tasks(SwarmService service, String... nodes) {
        List<SwarmTask> tasks = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            tasks.add(new SwarmTask(service.name() + i, service.name() + "." + (i + 1), service.id(), service.name(), i + 1,
                    nodes[i] + "-id", nodes[i], TaskState.RUNNING, TaskState.RUNNING, null, null, service.image(),
                    null, null, NOW, NOW, null));
        }
        return tasks;
    }

    @Test
    void aNodeReservesWhatItsTasksReserveAndTheTotalsCountOnlyNodesThatTakeTasks() {
        SwarmService ocr = service("ocr", ServiceMode.REPLICATED, 3, new CpuMemory(0.1, 256L << 20),
                new CpuMemory(0.5, GIB), Placement.ANYWHERE);
        SwarmService cache = service("cache", ServiceMode.REPLICATED, 1, CpuMemory.NONE, CpuMemory.NONE, Placement.ANYWHERE);
        List<SwarmTask> all = new ArrayList<>(tasks(ocr, "w1", "w1", "w2"));
        all.addAll(tasks(cache, "w1"));
        // A task shut down by an update holds nothing any more.
        all.add(new SwarmTask("old", "ocr.1", ocr.id(), "ocr", 1, "w2-id", "w2", TaskState.SHUTDOWN, TaskState.SHUTDOWN,
                null, null, "ocr-worker:0.9", null, null, NOW, NOW, null));
        SwarmNode drained = node("w3", NodeRole.WORKER, NodeAvailability.DRAIN, NodeState.READY, Map.of());
        ResourceUsage usage = ResourceUsage.of(new ClusterState(null, List.of(worker("w1"), worker("w2"), drained),
                List.of(ocr, cache), all));

        ResourceUsage.NodeUsage w1 = usage.nodes().stream().filter(n -> n.hostname().equals("w1")).findFirst().orElseThrow();
        assertThat(w1.reserved()).isEqualTo(new CpuMemory(0.2, 512L << 20));
        assertThat(w1.limits()).isEqualTo(new CpuMemory(1.0, 2 * GIB));
        assertThat(w1.free()).isEqualTo(new CpuMemory(1.8, 4 * GIB - (512L << 20)));
        assertThat(w1.tasks()).isEqualTo(3);
        assertThat(w1.unlimitedTasks()).isEqualTo(1);
        assertThat(usage.totals().schedulableNodes()).isEqualTo(2);
        assertThat(usage.totals().capacity()).isEqualTo(new CpuMemory(4, 8 * GIB));
        assertThat(usage.totals().reserved()).isEqualTo(new CpuMemory(0.3, 768L << 20));
        assertThat(usage.services()).filteredOn(s -> s.name().equals("ocr")).singleElement()
                .satisfies(s -> assertThat(s.reserved()).isEqualTo(new CpuMemory(0.3, 768L << 20)));
    }

    @Test
    void tenTenthsOfACpuMakeExactlyOne() {
        CpuMemory sum = CpuMemory.NONE;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(new CpuMemory(0.1, 0));
        }
        assertThat(sum.nanoCpus()).isEqualTo(1_000_000_000L);
    }

    @Test
    void headroomIsTheSmallestOfCpuMemoryAndTheMaximumPerNodeOnEachEligibleNode() {
        // 0.6 CPU each: three fit on an empty node of 2 CPUs, and memory (1 GiB of 4) would allow four.
        SwarmService ocr = service("ocr", ServiceMode.REPLICATED, 2, new CpuMemory(0.6, GIB), CpuMemory.NONE,
                new Placement(List.of("node.role == worker"), 0));
        SwarmNode manager = node("m1", NodeRole.MANAGER, NodeAvailability.ACTIVE, NodeState.READY, Map.of());
        SwarmNode down = node("w3", NodeRole.WORKER, NodeAvailability.ACTIVE, NodeState.DOWN, Map.of());
        ClusterState state = new ClusterState(null, List.of(manager, worker("w1"), worker("w2"), down), List.of(ocr),
                tasks(ocr, "w1", "w1"));

        Headroom room = Headroom.of(state, ocr, 5L);

        assertThat(room.nodes()).extracting(Headroom.NodeRoom::hostname, Headroom.NodeRoom::fits, Headroom.NodeRoom::limitedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m1", 0L, "constraint node.role == worker"),
                        org.assertj.core.groups.Tuple.tuple("w1", 1L, "cpu"),
                        org.assertj.core.groups.Tuple.tuple("w2", 3L, "cpu"),
                        org.assertj.core.groups.Tuple.tuple("w3", 0L, "state down"));
        assertThat(room.additional()).isEqualTo(4L);
        assertThat(room.enough()).isFalse();
        assertThat(Headroom.of(state, ocr, 4L).enough()).isTrue();
    }

    @Test
    void withoutReservationsOrAMaximumPerNodeNothingBoundsTheHeadroom() {
        SwarmService free = service("free", ServiceMode.REPLICATED, 1, CpuMemory.NONE, CpuMemory.NONE, Placement.ANYWHERE);
        Headroom room = Headroom.of(new ClusterState(null, List.of(worker("w1")), List.of(free), tasks(free, "w1")), free, 100L);
        assertThat(room.additional()).isNull();
        assertThat(room.enough()).isTrue();

        SwarmService spread = service("spread", ServiceMode.REPLICATED, 1, CpuMemory.NONE, CpuMemory.NONE,
                new Placement(List.of(), 2));
        Headroom capped = Headroom.of(new ClusterState(null, List.of(worker("w1"), worker("w2")), List.of(spread),
                tasks(spread, "w1")), spread, null);
        assertThat(capped.additional()).isEqualTo(3L);
        assertThat(capped.nodes()).extracting(Headroom.NodeRoom::limitedBy).containsOnly("max_replicas_per_node");
    }

    @Test
    void constraintsAreJudgedAsSwarmJudgesThem() {
        SwarmNode eu = node("w1", NodeRole.WORKER, NodeAvailability.ACTIVE, NodeState.READY, Map.of("zone", "EU"));
        assertThat(new Placement(List.of("node.labels.zone==eu", "node.hostname != w2", "engine.labels.storage == ssd",
                "node.platform.os==linux", "node.ip==10.0.0.0/8"), 0).unmetOn(eu)).isEmpty();
        assertThat(new Placement(List.of("node.labels.rack == r1"), 0).unmetOn(eu)).contains("node.labels.rack == r1");
        assertThat(new Placement(List.of("node.labels.rack != r1"), 0).unmetOn(eu)).isEmpty();
        assertThat(new Placement(List.of("node.role==manager"), 0).unmetOn(eu)).contains("node.role==manager");
        // Label keys are case-sensitive in Swarm, values are not.
        assertThat(new Placement(List.of("node.labels.Zone==eu"), 0).unmetOn(eu)).contains("node.labels.Zone==eu");
        assertThat(new Placement(List.of("node.ip != 10.1.0.0/16"), 0).unmetOn(eu)).contains("node.ip != 10.1.0.0/16");
        assertThat(new Placement(List.of("node.ip == 10.1.2.3"), 0).unmetOn(eu)).isEmpty();
        // A typo Swarm does not know places the task nowhere: the headroom must not promise room.
        assertThat(new Placement(List.of("node.label.zone==eu"), 0).unmetOn(eu)).contains("node.label.zone==eu");
    }

    @Test
    void aTaskBeingShutDownStillHoldsItsReservationUntilItHasStopped() {
        SwarmService ocr = service("ocr", ServiceMode.REPLICATED, 1, new CpuMemory(1, 0), CpuMemory.NONE, Placement.ANYWHERE);
        List<SwarmTask> tasks = new ArrayList<>(tasks(ocr, "w1"));
        tasks.add(new SwarmTask("old", "ocr.1", ocr.id(), "ocr", 1, "w1-id", "w1", TaskState.SHUTDOWN, TaskState.RUNNING,
                null, null, "ocr-worker:0.9", null, null, NOW, NOW, null));
        ClusterState state = new ClusterState(null, List.of(worker("w1")), List.of(ocr), tasks);
        assertThat(ResourceUsage.of(state).nodes().get(0).reserved()).isEqualTo(new CpuMemory(2, 0));
        assertThat(Headroom.of(state, ocr, 1L).additional()).isZero();
    }

    @Test
    void aGlobalServiceIsGivenNoReplicaCountButItsNodesSayWhetherItsTaskFits() {
        SwarmService agent = service("agent", ServiceMode.GLOBAL, 1, new CpuMemory(0.5, 0), CpuMemory.NONE, Placement.ANYWHERE);
        Headroom room = Headroom.of(new ClusterState(null, List.of(worker("w1")), List.of(agent), tasks(agent, "w1")), agent, 3L);
        assertThat(room.additional()).isNull();
        assertThat(room.enough()).isNull();
        assertThat(room.nodes().get(0).fits()).isEqualTo(3L);
    }
}
