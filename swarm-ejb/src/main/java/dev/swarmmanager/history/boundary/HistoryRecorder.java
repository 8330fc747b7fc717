package dev.swarmmanager.history.boundary;

import dev.swarmmanager.domain.ClusterChanged;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.history.control.HistoryEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import dev.swarmmanager.leases.boundary.Leases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each refresh's changes in the history, on a thread of its own: the mirror never waits for the database, and a
 * database that is down loses those entries (said in the server's log), never the mirror's refresh. Every instance of
 * the application mirrors the same cluster, so only the holder of the {@code history} lease writes (each change once).
 * The others remember the last {@link #REMEMBERED} of changes they saw: when the holder dies, the one that takes the
 * lease over (at its first refresh after the term) keeps those the dead holder had not kept, so that the history loses
 * nothing in between.
 */
@ApplicationScoped
public class HistoryRecorder {

    private static final Logger LOG = Logger.getLogger(HistoryRecorder.class.getName());

    static final String LEASE = "history";
    static final Duration TERM = Duration.ofSeconds(30);
    /** The lease's term and the time to its taking over (at a refresh), with room to spare. */
    static final Duration REMEMBERED = Duration.ofMinutes(2);
    /** However busy the cluster, a bounded memory: the oldest go first. */
    static final int MAX_REMEMBERED = 20_000;
    /**
     * How far apart two instances may stamp the same change: each stamps it when its mirror sees it, from Docker's
     * events (milliseconds apart) or, were an event lost, from the next full refresh (swarm.health.refresh-interval).
     */
    static final Duration SAME_CHANGE = Duration.ofSeconds(15);

    @Inject
    History history;

    @Inject
    Leases leases;

    /** The time, which a test moves on. */
    Clock clock = Clock.systemUTC();

    private final String instance = Leases.newHolder();
    /** Until when this instance knows it holds the lease without asking the database (a third of the term). */
    private Instant heldUntil = Instant.MIN;
    /** Until when this instance, refused the lease, does not ask again (a sixth of the term): refreshes are many. */
    private Instant refusedUntil = Instant.MIN;
    private boolean holding;
    /** What this instance saw while another held the lease, oldest first. */
    private final Deque<HistoryEvent> seenMeanwhile = new ArrayDeque<>();

    /**
     * Renews the lease at most every ten seconds, one renewal at a time: the changes of one refresh arrive on several
     * threads, and two renewals at once by the same instance would fail on the row's version.
     */
    private synchronized boolean holdsTheLease() {
        Instant now = clock.instant();
        if (now.isBefore(heldUntil)) {
            return true;
        }
        if (now.isBefore(refusedUntil)) {
            return false;
        }
        if (leases.hold(LEASE, instance, TERM)) {
            heldUntil = now.plus(TERM.dividedBy(3));
            return true;
        }
        heldUntil = Instant.MIN;
        refusedUntil = now.plus(TERM.dividedBy(6));
        return false;
    }

    /**
     * Every refresh of the mirror comes here, changed or not, so that the holder renews its lease even while the cluster
     * is quiet: the lease changes hands only when its holder stops.
     */
    void record(@ObservesAsync ClusterChanged changed) {
        List<HistoryEvent> entries = HistoryEntries.of(changed);
        List<HistoryEvent> missed;
        synchronized (this) {
            boolean held = holding;
            try {
                holding = holdsTheLease();
            } catch (RuntimeException e) {
                holding = false;
                remember(entries);
                LOG.log(Level.WARNING, "the history lease could not be read: " + entries.size() + " entries kept in memory", e);
                return;
            }
            if (!holding) {
                remember(entries); // another instance keeps these, unless it dies first
                return;
            }
            remember(List.of()); // only what is still within reach
            missed = held ? List.of() : List.copyOf(seenMeanwhile);
            seenMeanwhile.clear();
        }
        if (missed.isEmpty() && entries.isEmpty()) {
            return;
        }
        try {
            if (!missed.isEmpty()) {
                int kept = history.appendMissing(missed, SAME_CHANGE);
                if (kept > 0) {
                    LOG.info("history lease taken over: kept " + kept + " of " + missed.size()
                            + " changes seen meanwhile that the previous holder had not kept");
                }
            }
            if (!entries.isEmpty()) {
                history.append(entries);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                // Nothing is forgotten: the next refresh takes the lease up again and keeps what is still missing.
                List<HistoryEvent> again = new ArrayList<>(missed);
                again.addAll(entries);
                again.addAll(seenMeanwhile);
                seenMeanwhile.clear();
                remember(again);
                holding = false;
                heldUntil = Instant.MIN;
            }
            LOG.log(Level.WARNING, missed.size() + entries.size() + " history entries of " + changed.at()
                    + " could not be kept yet", e);
        }
    }

    /** Adds {@code entries} and forgets what is too old or too much. */
    private void remember(List<HistoryEvent> entries) {
        seenMeanwhile.addAll(entries);
        Instant forgotten = clock.instant().minus(REMEMBERED);
        while (!seenMeanwhile.isEmpty()
                && (seenMeanwhile.size() > MAX_REMEMBERED || seenMeanwhile.peekFirst().time().isBefore(forgotten))) {
            seenMeanwhile.removeFirst();
        }
    }
}
