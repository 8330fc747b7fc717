package dev.swarmmanager.events.boundary;

import dev.swarmmanager.events.control.EngineEvents;
import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows the Engine's events and brings the mirror up to date with what each one says changed: the service it
 * names (a container's event names its service in a label), or the nodes and the services whose tasks a node's
 * change may move (a drain). Bursts are coalesced (a scale of 50
 * replicas is one re-read of that service, not 50), and a burst touching many services becomes one full read.
 * The Engine sends no event when a task changes state on another node, so a service that has not settled is
 * read again after growing pauses until it has. Reconnects by itself, with a back-off while Docker is away, and
 * reads everything again after a broken stream.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterWatch {

    private static final Logger LOG = Logger.getLogger(ClusterWatch.class.getName());
    static final long COALESCE_MILLIS = 50;
    /** More services than this changed at once (a stack deploy, a drain): one full read is cheaper. */
    static final int MAX_TARGETED = 20;
    /**
     * Re-reads of an unsettled service: 0.25 s after the last, then every 0.5 s up to 5 s (tasks usually start
     * within that), then every second up to 30 s (an overlay network, a slow start); a service still unsettled
     * then (one that cannot be placed) is left to the timer.
     */
    public static final int MAX_FOLLOW_UPS = 35;
    public static final String SERVICE_LABEL = "com.docker.swarm.service.id";

    @Inject
    EngineEvents events;

    @Inject
    ClusterMirror mirror;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean updatePending = new AtomicBoolean();
    private final Set<String> changedServices = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean nodesChanged = new AtomicBoolean();
    private final AtomicBoolean everythingChanged = new AtomicBoolean();
    private final Map<String, Integer> followUps = new ConcurrentHashMap<>();
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
        boolean broken = false;
        while (running) {
            try {
                if (broken) {
                    // Events may have been lost with the stream (Docker restarted): read everything before following
                    // again; while Docker is still away this fails fast and the mirror stays marked stale.
                    mirror.refresh();
                }
                events.follow(lastEventNanos, event -> {
                    lastEventNanos = Math.max(lastEventNanos, event.path("timeNano").asLong(lastEventNanos));
                    processed.increment();
                    changed(event);
                });
                backoff = 500;
                broken = false;
            } catch (RuntimeException e) { // SwarmException for Docker failures, anything else for a broken stream
                if (!running) {
                    return;
                }
                LOG.log(Level.FINE, "Docker event stream broken, reconnecting in " + backoff + " ms", e);
                everythingChanged.set(true); // the mirror should say at once that Docker is gone
                updateSoon();
                broken = true;
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5000);
            }
        }
    }

    private void changed(JsonNode event) {
        String type = event.path("Type").asText();
        JsonNode actor = event.path("Actor");
        switch (type) {
            case "service" -> changedServices.add(actor.path("ID").asText());
            case "node" -> {
                nodesChanged.set(true);
                changedServices.addAll(mirror.servicesAffectedBy(actor.path("ID").asText()));
            }
            case "container" -> {
                String service = actor.path("Attributes").path(SERVICE_LABEL).asText("");
                if (service.isEmpty()) {
                    return; // not a task's container
                }
                changedServices.add(service);
            }
            default -> {
                return;
            }
        }
        updateSoon();
    }

    private void updateSoon() {
        if (updatePending.compareAndSet(false, true)) {
            scheduler.schedule(this::update, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void update() {
        updatePending.set(false);
        List<String> services = new ArrayList<>(changedServices);
        changedServices.removeAll(services);
        boolean nodes = nodesChanged.getAndSet(false);
        if (everythingChanged.getAndSet(false) || services.size() > MAX_TARGETED) {
            mirror.refresh();
            return;
        }
        try {
            if (nodes) {
                mirror.refreshNodes();
            }
            Set<String> unsettled = mirror.refreshServices(services);
            for (String service : services) {
                if (unsettled.contains(service)) {
                    followUp(service);
                } else {
                    followUps.remove(service);
                }
            }
        } catch (SwarmException e) { // Docker went away between the event and the read: the full read records it
            LOG.log(Level.FINE, "targeted refresh failed, reading everything", e);
            mirror.refresh();
        }
    }

    private void followUp(String service) {
        int attempt = followUps.merge(service, 1, Integer::sum);
        if (attempt > MAX_FOLLOW_UPS) {
            followUps.remove(service);
            return;
        }
        scheduler.schedule(() -> {
            changedServices.add(service);
            updateSoon();
        }, followUpDelayMillis(attempt), TimeUnit.MILLISECONDS);
    }

    /** The pause before the {@code attempt}th re-read of something that has not settled (registered clusters' too). */
    public static long followUpDelayMillis(int attempt) {
        return attempt == 1 ? 250 : attempt <= 10 ? 500 : 1000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
