package dev.swarmmanager.health.boundary;

import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.domain.SwarmInfo;
import dev.swarmmanager.health.control.ClusterAssessment;
import dev.swarmmanager.health.control.ClusterReader;
import dev.swarmmanager.health.entity.ClusterSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster's health and statistics, refreshed by a timer and served from memory. Readers take the current
 * snapshot through a volatile reference and never wait, not even on a refresh in progress; a failed refresh
 * keeps the last known figures, marked stale and unhealthy with the reason, and the timer goes on, so the
 * cache heals by itself when Docker comes back. Observers get a {@link ClusterSnapshot} event after each refresh.
 */
@Singleton
@RolesAllowed(Role.VIEWER_NAME)
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterHealth {

    private static final Logger LOG = Logger.getLogger(ClusterHealth.class.getName());

    @Inject
    ClusterReader reader;

    @Inject
    Event<ClusterSnapshot> refreshed;

    @Inject
    @ConfigProperty(name = "swarm.health.refresh-interval", defaultValue = "PT10S")
    Duration interval;

    @Resource
    TimerService timers;

    private volatile ClusterSnapshot snapshot = ClusterSnapshot.none(Instant.now());

    @PostConstruct
    void schedule() {
        // Non-persistent: a snapshot is worthless after a restart, and a persistent timer would need a database.
        timers.createIntervalTimer(1, interval.toMillis(), new TimerConfig("cluster-health-refresh", false));
    }

    /**
     * Reads the cluster and swaps the snapshot; called by the timer and by the event watcher. One refresh at a
     * time, so an older read never replaces a newer one; readers are never blocked.
     */
    @Timeout
    @PermitAll
    public synchronized void refresh() {
        Instant now = Instant.now();
        ClusterSnapshot next;
        try {
            next = ClusterAssessment.assess(reader.read(), now);
        } catch (SwarmException e) {
            next = snapshot.failed(e.getMessage(), now);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cluster refresh failed", e);
            next = snapshot.failed("refresh failed: " + e, now);
        }
        snapshot = next;
        refreshed.fire(next);
    }

    /** No Engine call: the last refresh's verdict, with its age now. */
    @PermitAll
    public HealthStatus health() {
        return snapshot.health().agedAt(Instant.now());
    }

    /**
     * No Engine call: the Swarm's identity as of the last successful refresh.
     *
     * @return {@code null} until the first successful refresh
     */
    public SwarmInfo swarm() {
        return snapshot.swarm();
    }

    /**
     * No Engine call.
     *
     * @return {@code null} until the first successful refresh
     */
    public ClusterStatistics statistics() {
        return snapshot.statistics();
    }
}
