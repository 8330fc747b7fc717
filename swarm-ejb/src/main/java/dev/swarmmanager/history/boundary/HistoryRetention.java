package dev.swarmmanager.history.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Removes the history's entries older than {@code swarm.history.retention} (30 days), every hour. */
@Singleton
@PermitAll
public class HistoryRetention {

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class.getName());

    @Inject
    History history;

    @Inject
    @ConfigProperty(name = "swarm.history.retention", defaultValue = "P30D")
    Duration retention;

    // Not persistent: a missed hour is caught up by the next one, and persistent timers would need the server's timer database.
    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        int removed = history.purge(Instant.now().minus(retention));
        if (removed > 0) {
            LOG.info(() -> "history: removed " + removed + " entries older than " + retention);
        }
    }
}
