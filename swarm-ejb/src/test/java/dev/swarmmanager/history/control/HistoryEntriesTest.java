package dev.swarmmanager.history.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.ChangeAction;
import dev.swarmmanager.domain.ChangeType;
import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.domain.ClusterChanged;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryEntriesTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void eachChangeIsSaidInOneLineWithItsServiceAndStack() {
        SwarmService ocr = new SwarmService("s1", "ocr_worker", "ocr-worker:1.0", ServiceMode.REPLICATED, 3, 2, null,
                Map.of("com.docker.stack.namespace", "ocr"), "ocr", null, T, T, 5, null, null, null);
        SwarmTask failed = new SwarmTask("t1", "ocr_worker.2", "s1", "ocr_worker", 2, "n1", "worker1", TaskState.RUNNING,
                TaskState.FAILED, "started", "task: non-zero exit (1)", "ocr-worker:1.0", "c1", 1, T, T, true);
        SwarmNode drained = new SwarmNode("n1", "worker1", NodeRole.WORKER, NodeAvailability.DRAIN, NodeState.READY, null, null,
                null, null, "linux", "x86_64", 2, 1L << 30, null, null, T, T, 3);
        HealthStatus degraded = new HealthStatus(OverallHealth.DEGRADED, List.of("ocr_worker: 2/3 replicas running"), null,
                List.of(), 90, List.of(), T, false, 0);
        ClusterChanged changed = new ClusterChanged("staging", T, List.of(
                new ClusterChange(1, ChangeType.TASK, ChangeAction.UPDATED, "t1", failed),
                new ClusterChange(2, ChangeType.NODE, ChangeAction.UPDATED, "n1", drained),
                new ClusterChange(3, ChangeType.SERVICE, ChangeAction.REMOVED, "s1", ocr),
                new ClusterChange(4, ChangeType.HEALTH, ChangeAction.UPDATED, null, degraded),
                ClusterChange.signal(4, ChangeType.KEEPALIVE)),
                new ClusterState(null, List.of(drained), List.of(ocr), List.of(failed)));

        List<HistoryEvent> entries = HistoryEntries.of(changed);

        assertThat(entries).extracting(HistoryEvent::kind).containsExactly(HistoryKind.TASK, HistoryKind.NODE, HistoryKind.SERVICE,
                HistoryKind.HEALTH);
        assertThat(entries.get(0)).satisfies(e -> {
            assertThat(e.objectName()).isEqualTo("ocr_worker.2");
            assertThat(e.service()).isEqualTo("ocr_worker");
            assertThat(e.stack()).isEqualTo("ocr");
            assertThat(e.summary()).isEqualTo("task ocr_worker.2 on worker1: failed (desired running): task: non-zero exit (1)");
        });
        assertThat(entries.get(1).summary()).isEqualTo("node worker1: worker, drain, ready");
        assertThat(entries.get(2).summary()).isEqualTo("service ocr_worker removed");
        assertThat(entries.get(2).action()).isEqualTo("removed");
        assertThat(entries.get(3).summary()).isEqualTo("cluster health degraded: ocr_worker: 2/3 replicas running");
        assertThat(entries).allSatisfy(e -> assertThat(e.time()).isEqualTo(T));
        assertThat(entries).extracting(HistoryEvent::cluster).as("the Swarm that changed").containsOnly("staging");
    }

    @Test
    void whatAnotherInstanceKeptIsRecognisedOneForOneWithinTheTolerance() {
        HistoryEvent running = entry(T, "task api.1 on worker1: running (desired running)");
        HistoryEvent failed = entry(T.plusSeconds(2), "task api.1 on worker1: failed (desired running)");
        HistoryEvent runningAgain = entry(T.plusSeconds(4), "task api.1 on worker1: running (desired running)");
        HistoryEvent late = entry(T.plusSeconds(60), "task api.1 on worker1: failed (desired running)");
        // The other instance kept the first two (stamped a little later by its own mirror), and another task's change.
        List<HistoryEvent> kept = List.of(new HistoryEvent(0, T.plusSeconds(4), HistoryKind.TASK, "updated", "t2", "api.2", "api", null,
                runningAgain.summary(), "default"), entry(T.plusMillis(2300), failed.summary()), entry(T.plusMillis(300), running.summary()));

        List<HistoryEvent> missing = HistoryEntries.notAmong(List.of(running, failed, runningAgain, late), kept,
                java.time.Duration.ofSeconds(15));

        assertThat(missing).as("running twice is two changes; a failure a minute later is another").containsExactly(runningAgain, late);
    }

    @Test
    void eachSeenEntryIsPairedWithTheNearestKeptOne() {
        String summary = "task api.1 on worker1: running (desired running)";
        // Paired with the first that fits, the first would take the second's match, which is too far from the first.
        List<HistoryEvent> missing = HistoryEntries.notAmong(List.of(entry(T, summary), entry(T.plusSeconds(20), summary)),
                List.of(entry(T.plusSeconds(14), summary), entry(T.plusMillis(200), summary)), java.time.Duration.ofSeconds(15));
        assertThat(missing).isEmpty();
    }

    @Test
    void theSameChangeInAnotherSwarmIsAnotherEntry() {
        String summary = "task api.1 on worker1: running (desired running)";
        HistoryEvent staging = new HistoryEvent(0, T.plusMillis(100), HistoryKind.TASK, "updated", "t1", "api.1", "api", null,
                summary, "staging");
        List<HistoryEvent> missing = HistoryEntries.notAmong(List.of(entry(T, summary)), List.of(staging),
                java.time.Duration.ofSeconds(15));
        assertThat(missing).as("a task ID alike in two Swarms is two changes").hasSize(1);
    }

    private static HistoryEvent entry(Instant time, String summary) {
        return new HistoryEvent(0, time, HistoryKind.TASK, "updated", "t1", "api.1", "api", null, summary, "default");
    }
}
