package dev.swarmmanager.history.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.ChangeAction;
import dev.swarmmanager.domain.ChangeType;
import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.domain.ClusterChanged;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.history.control.HistoryEntries;
import dev.swarmmanager.leases.boundary.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances watch one cluster; one holds the history lease and dies. The other, which remembered what it saw
 * meanwhile, keeps on taking the lease over what the dead one had not kept: each change once, none lost.
 */
class HistoryRecorderTest {

    /** The shared database's history table, as far as the recorder uses it. */
    static class Table extends History {
        final List<HistoryEvent> rows = new ArrayList<>();

        @Override
        public void append(List<HistoryEvent> events) {
            rows.addAll(events);
        }

        @Override
        public int appendMissing(List<HistoryEvent> seen, Duration tolerance) {
            List<HistoryEvent> missing = HistoryEntries.notAmong(seen, rows, tolerance);
            append(missing);
            return missing.size();
        }
    }

    /** The lease, held by the other instance until {@link #lapse}. */
    static final class Lease extends Leases {
        boolean othersHoldIt = true;

        @Override
        public boolean hold(String name, String holder, Duration term) {
            return !othersHoldIt;
        }
    }

    /** Moved on by the test. */
    static final class Time extends Clock {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Fails its writes while {@code down}, as a database that is away. */
    static final class FlakyTable extends Table {
        boolean down;

        @Override
        public void append(List<HistoryEvent> events) {
            if (down) {
                throw new IllegalStateException("database away");
            }
            super.append(events);
        }
    }

    private final FlakyTable table = new FlakyTable();
    private final Lease lease = new Lease();
    private final Time time = new Time();
    private final HistoryRecorder recorder = new HistoryRecorder();

    @BeforeEach
    void wire() {
        recorder.history = table;
        recorder.leases = lease;
        recorder.clock = time;
    }

    @Test
    void changesSeenWhileAnotherHeldTheLeaseAreKeptOnTakingItOverUnlessAlreadyKept() {
        ClusterChanged toTwo = scaled(later(0), 2);
        ClusterChanged toThree = scaled(later(1), 3);
        // The holder kept the first change (stamped 200 ms later by its own mirror) and died before the second.
        table.append(List.of(restamped(HistoryEntries.of(toTwo).get(0), Duration.ofMillis(200))));
        recorder.record(toTwo);
        recorder.record(toThree);
        assertThat(table.rows).as("nothing written while the other holds the lease").hasSize(1);

        lease.othersHoldIt = false; // its lease lapsed
        recorder.record(quiet(later(40))); // a refresh with no change: the lease is taken up, what was missed kept

        assertThat(table.rows).extracting(HistoryEvent::summary).containsExactly(
                "service api: ocr-worker:1.0, 0/2 running",
                "service api: ocr-worker:1.0, 0/3 running");
        recorder.record(scaled(later(41), 4));
        recorder.record(scaled(later(42), 5));
        assertThat(table.rows).as("holding on: each change once").extracting(HistoryEvent::summary).endsWith(
                "service api: ocr-worker:1.0, 0/3 running",
                "service api: ocr-worker:1.0, 0/4 running",
                "service api: ocr-worker:1.0, 0/5 running").hasSize(4);
    }

    @Test
    void whatCouldNotBeWrittenIsKeptInMemoryAndWrittenOnceTheDatabaseIsBack() {
        lease.othersHoldIt = false;
        table.down = true;
        recorder.record(scaled(later(0), 2));
        recorder.record(scaled(later(1), 3));
        assertThat(table.rows).isEmpty();

        table.down = false;
        recorder.record(quiet(later(2)));
        assertThat(table.rows).extracting(HistoryEvent::summary).containsExactly(
                "service api: ocr-worker:1.0, 0/2 running",
                "service api: ocr-worker:1.0, 0/3 running");
    }

    @Test
    void aRefusedInstanceAsksForTheLeaseAgainOnlyAfterAPause() {
        recorder.record(scaled(later(0), 2));
        lease.othersHoldIt = false;
        recorder.record(scaled(later(1), 3));
        assertThat(table.rows).as("still refused: the database is not asked at every refresh").isEmpty();
        recorder.record(scaled(later(6), 4));
        assertThat(table.rows).hasSize(3);
    }

    @Test
    void whatIsRememberedIsBoundedInTime() {
        recorder.record(scaled(later(0), 2));
        time.now = later(0).plus(HistoryRecorder.REMEMBERED).plusSeconds(5);
        recorder.record(scaled(time.now, 3));
        lease.othersHoldIt = false;
        time.now = time.now.plusSeconds(10);
        recorder.record(scaled(time.now, 4));
        assertThat(table.rows).extracting(HistoryEvent::summary).containsExactly(
                "service api: ocr-worker:1.0, 0/3 running",
                "service api: ocr-worker:1.0, 0/4 running");
    }

    /** {@code seconds} after the test's start, and the test's clock moved there. */
    private Instant later(long seconds) {
        Instant at = Instant.parse("2026-11-30T10:00:00Z").plusSeconds(seconds);
        if (at.isAfter(time.now)) {
            time.now = at;
        }
        return at;
    }

    private static ClusterChanged quiet(Instant at) {
        return new ClusterChanged("default", at, List.of(), new ClusterState(null, List.of(), List.of(), List.of()));
    }

    private static ClusterChanged scaled(Instant at, int replicas) {
        SwarmService api = new SwarmService("s1", "api", "ocr-worker:1.0", ServiceMode.REPLICATED, replicas, 0, null, Map.of(), null,
                null, at, at, replicas, null, null, null);
        return new ClusterChanged("default", at, List.of(new ClusterChange(replicas, ChangeType.SERVICE, ChangeAction.UPDATED, "s1", api)),
                new ClusterState(null, List.of(), List.of(api), List.of()));
    }

    private static HistoryEvent restamped(HistoryEvent e, Duration later) {
        return new HistoryEvent(e.id(), e.time().plus(later), e.kind(), e.action(), e.objectId(), e.objectName(), e.service(),
                e.stack(), e.summary(), e.cluster());
    }
}
