package dev.swarmmanager.events.boundary;

import dev.swarmmanager.events.control.EngineEvents;
import dev.swarmmanager.health.boundary.ClusterHealth;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the Engine's events and refreshes the health cache soon after each one, coalescing bursts (a
 * scale of 50 replicas is one refresh, not 50). Reconnects by itself, with a back-off while Docker is away.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterWatch {

    private static final Logger LOG = Logger.getLogger(ClusterWatch.class.getName());
    static final long COALESCE_MILLIS = 100;

    @Inject
    EngineEvents events;

    @Inject
    ClusterHealth health;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final LongAdder processed = new LongAdder();
    private volatile boolean running = true;
    private volatile long lastEventNanos = System.currentTimeMillis() * 1_000_000L;

    @PostConstruct
    void start() {
        executor.submit(this::watch);
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    /** Events handled since start, for the metrics. */
    public long processed() {
        return processed.sum();
    }

    private void watch() {
        long backoff = 500;
        while (running) {
            try {
                events.follow(lastEventNanos, event -> {
                    lastEventNanos = Math.max(lastEventNanos, event.path("timeNano").asLong(lastEventNanos));
                    processed.increment();
                    refreshSoon();
                });
                backoff = 500;
            } catch (RuntimeException e) { // SwarmException for Docker failures, anything else for a broken stream
                if (!running) {
                    return;
                }
                LOG.log(Level.FINE, "Docker event stream broken, reconnecting in " + backoff + " ms", e);
                refreshSoon(); // the cache should say at once that Docker is gone
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private void refreshSoon() {
        if (refreshPending.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                refreshPending.set(false);
                health.refresh();
            }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
