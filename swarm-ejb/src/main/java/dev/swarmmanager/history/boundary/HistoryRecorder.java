package dev.swarmmanager.history.boundary;

import dev.swarmmanager.domain.ClusterChanged;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.history.control.HistoryEntries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each refresh's changes in the history, on a thread of its own: the mirror never waits for the database, and a
 * database that is down loses those entries (said in the server's log), never the mirror's refresh.
 */
@ApplicationScoped
public class HistoryRecorder {

    private static final Logger LOG = Logger.getLogger(HistoryRecorder.class.getName());

    @Inject
    History history;

    void record(@ObservesAsync ClusterChanged changed) {
        List<HistoryEvent> entries = HistoryEntries.of(changed);
        if (entries.isEmpty()) {
            return;
        }
        try {
            history.append(entries);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, entries.size() + " history entries of " + changed.at() + " could not be kept", e);
        }
    }
}
