package dev.swarmmanager.history.boundary;

import dev.swarmmanager.domain.ClusterChanged;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.history.control.HistoryEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import dev.swarmmanager.leases.boundary.Leases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each refresh's changes in the history, on a thread of its own: the mirror never waits for the database, and a
 * database that is down loses those entries (said in the server's log), never the mirror's refresh. Every instance of
 * the application mirrors the same cluster, so only the holder of the {@code history} lease writes (each change once);
 * when it stops, another takes the lease over at its first change after the term, and the changes between are not kept.
 */
@ApplicationScoped
public class HistoryRecorder {

    private static final Logger LOG = Logger.getLogger(HistoryRecorder.class.getName());

    static final String LEASE = "history";
    static final Duration TERM = Duration.ofSeconds(30);

    @Inject
    History history;

    @Inject
    Leases leases;

    private final String instance = UUID.randomUUID().toString();
    /** Until when this instance knows it holds the lease without asking the database (a third of the term). */
    private Instant heldUntil = Instant.MIN;

    /**
     * Renews the lease at most every ten seconds, one renewal at a time: the changes of one refresh arrive on several
     * threads, and two renewals at once by the same instance would fail on the row's version.
     */
    private synchronized boolean holdsTheLease() {
        Instant now = Instant.now();
        if (now.isBefore(heldUntil)) {
            return true;
        }
        if (leases.hold(LEASE, instance, TERM)) {
            heldUntil = now.plus(TERM.dividedBy(3));
            return true;
        }
        heldUntil = Instant.MIN;
        return false;
    }

    void record(@ObservesAsync ClusterChanged changed) {
        List<HistoryEvent> entries = HistoryEntries.of(changed);
        if (entries.isEmpty()) {
            return;
        }
        try {
            if (!holdsTheLease()) {
                return; // another instance keeps these
            }
            history.append(entries);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, entries.size() + " history entries of " + changed.at() + " could not be kept", e);
        }
    }
}
