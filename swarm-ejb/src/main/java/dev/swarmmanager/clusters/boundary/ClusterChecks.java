package dev.swarmmanager.clusters.boundary;

import dev.swarmmanager.clusters.control.ClusterConnections;
import dev.swarmmanager.clusters.control.ClusterSealing;
import dev.swarmmanager.clusters.control.FollowUps;
import dev.swarmmanager.clusters.entity.ClusterRecord;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.ClusterOverview;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.events.boundary.ClusterWatch;
import dev.swarmmanager.events.control.EngineEvents;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.mirror.control.ClusterSnapshots;
import dev.swarmmanager.mirror.entity.ClusterRemoved;
import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every registered Swarm's mirror fresh, as the default cluster's is kept: its Engine's events are followed
 * (one stream per cluster) and each burst of them is one whole read of that cluster a moment later, a service still
 * starting is read again after growing pauses, and every {@code swarm.clusters.check-interval} each is read whole
 * anyway, as a safety net and to notice an Engine that went away quietly. The reads are {@link ClusterMirror}'s, done
 * on a thread that works on the cluster, on that cluster's connections; each runs on a thread of its own and never two
 * at once for one cluster, so an Engine that hangs delays only its own line of the overview. Every server instance
 * does this for itself.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterChecks {

    private static final Logger LOG = Logger.getLogger(ClusterChecks.class.getName());
    /** Events closer together than this are one read. */
    static final long COALESCE_MILLIS = 100;

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    @Inject
    ClusterSealing sealing;

    @Inject
    ClusterConnections connections;

    @Inject
    ClusterMirror mirror;

    @Inject
    ClusterSnapshots snapshots;

    @Inject
    EngineEvents events;

    /** What is kept for a cluster elsewhere (its feed, its gauges) goes when it does. */
    @Inject
    Event<ClusterRemoved> removed;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "swarm.clusters.check-interval", defaultValue = "PT15S")
    Duration interval;

    private final Map<String, ClusterOverview> last = new ConcurrentHashMap<>();
    /** The registrations as last read, by name: what the checks and watches work on. */
    private final Map<String, ClusterRecord> registered = new ConcurrentHashMap<>();
    /** Registrations through this instance whose transaction has not ended yet: no query shows them so far. */
    private final Set<String> registering = ConcurrentHashMap.newKeySet();
    /** When each registration through this instance was committed ({@link System#nanoTime()}). */
    private final Map<String, Long> committedAt = new ConcurrentHashMap<>();
    /** The clusters being read now: a read is never started twice while an Engine keeps the first waiting. */
    private final Set<String> checking = ConcurrentHashMap.newKeySet();
    /** Clusters asked to be read: the running read of each takes them, or a new one starts. */
    private final Set<String> checkAgain = ConcurrentHashMap.newKeySet();
    /** Clusters with a read scheduled after an event. */
    private final Set<String> checkPending = ConcurrentHashMap.newKeySet();
    /** Clusters whose events are being followed. */
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    /** The services each cluster's events named that have not settled yet: re-read for. */
    private final FollowUps followUps = new FollowUps();
    /** Removals through this instance whose transaction has not ended yet: a query may still show them. */
    private final Set<String> removing = ConcurrentHashMap.newKeySet();
    /** When each removal through this instance was committed ({@link System#nanoTime()}). */
    private final Map<String, Long> removedAt = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    @PostConstruct
    void schedule() {
        // A container timer, not a scheduled executor: the registrations are read in an EJB invocation of its own.
        // Non-persistent: what a check found is worthless after a restart.
        timers.createIntervalTimer(1000, interval.toMillis(), new TimerConfig("cluster-checks", false));
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    /** Reads every registered cluster that is not being read already, and follows the events of each. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void checkAll() {
        try {
            long asked = System.nanoTime();
            List<ClusterRecord> rows = entities.createQuery("SELECT c FROM ClusterRecord c", ClusterRecord.class).getResultList();
            // A registration made here while the query ran may be missing from it, or older in it: it is kept as made.
            Set<String> newer = new HashSet<>(registering);
            committedAt.forEach((name, at) -> {
                if (at - asked >= 0) {
                    newer.add(name);
                }
            });
            // And one removed here while it ran may still be in it: it stays removed.
            removedAt.values().removeIf(at -> at - asked < 0); // committed before the query: not in it
            Set<String> gone = new HashSet<>(removing);
            gone.addAll(removedAt.keySet());
            rows = rows.stream().filter(row -> !gone.contains(row.name)).toList();
            Set<String> kept = new HashSet<>(newer);
            rows.forEach(row -> kept.add(row.name));
            for (String name : List.copyOf(registered.keySet())) {
                if (!kept.contains(name)) { // removed through another server instance
                    forget(name);
                }
            }
            last.keySet().retainAll(kept);
            snapshots.keepOnly(kept);
            for (ClusterRecord row : rows) {
                if (removing.contains(row.name)) {
                    continue; // removed here since the list above was made
                }
                if (!newer.contains(row.name)) {
                    forgetIfAnotherSwarm(row); // removed and registered again through another instance
                    registered.put(row.name, row);
                }
                snapshots.manage(row.name); // registered through another instance, or before this one started
                startCheck(row.name);
                watch(registered.getOrDefault(row.name, row));
            }
        } catch (RuntimeException e) { // the database away: the next round tries again
            LOG.log(Level.WARNING, "checking the registered clusters", e);
        }
    }

    /** Reads the cluster now, on the caller's thread, and keeps what it found. */
    public ClusterOverview checkNow(ClusterRecord row) {
        forgetIfAnotherSwarm(row);
        removedAt.remove(row.name);
        registering(row.name);
        registered.put(row.name, row);
        snapshots.manage(row.name);
        ClusterOverview found = check(row);
        last.put(row.name, found);
        watch(row); // from now, not from the next round of checks
        return found;
    }

    /** A name now given to another Swarm: nothing of the last one is compared with it or kept. */
    private void forgetIfAnotherSwarm(ClusterRecord row) {
        ClusterRecord known = registered.get(row.name);
        if (known != null && !Objects.equals(known.swarmId, row.swarmId)) {
            forget(row.name);
        }
    }

    /** Notes a registration until its transaction ends, so that a round of checks that cannot see it yet keeps it. */
    private void registering(String name) {
        registering.add(name);
        afterTransaction(committed -> {
            committedAt.put(name, System.nanoTime()); // rolled back: the next round finds it gone
            registering.remove(name);
        });
    }

    /**
     * Stops managing a cluster removed through this instance, at once; until its removal has committed, and for a
     * round of checks whose query ran before that, a row still found does not bring it back.
     */
    public void remove(String name) {
        removing.add(name);
        afterTransaction(committed -> {
            if (committed) {
                removedAt.put(name, System.nanoTime());
            } // rolled back: the next round finds it again
            removing.remove(name);
        });
        forget(name);
    }

    /** Runs {@code then} when the caller's transaction ends (told whether it committed), or at once without one. */
    private void afterTransaction(Consumer<Boolean> then) {
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    then.accept(status == Status.STATUS_COMMITTED);
                }
            });
        } catch (IllegalStateException noTransaction) {
            then.accept(true);
        }
    }

    /** Starts following the cluster's events, unless that is under way. */
    private void watch(ClusterRecord row) {
        if (running && watched.add(row.name)) {
            try {
                executor.submit(() -> watch(row.name));
            } catch (RuntimeException refused) { // the server stopping
                watched.remove(row.name);
            }
        }
    }

    /**
     * Where the work on a registered cluster sends its Engine calls: its pool, opened with its certificates on first
     * use and again when its registration changes.
     */
    public EngineTarget target(ClusterRecord row) {
        return connections.openTarget(row.name, row.version()).orElseGet(() -> connections.target(row.name,
                row.version(), row.dockerHost, row.sealedTls == null ? null : sealing.open(row.name, row.sealedTls)));
    }

    /**
     * Asks for a read of the cluster: one starts unless one is running, which then reads once more when it ends. The
     * request is marked before the running read is looked for, and that read looks for requests after it gave up its
     * place, so no request falls between the two.
     */
    private void startCheck(String name) {
        if (!running) {
            return;
        }
        checkAgain.add(name);
        if (!checking.add(name)) {
            return;
        }
        try {
            executor.submit(() -> checkWhileAsked(name));
        } catch (RuntimeException refused) { // the server stopping
            checking.remove(name);
        }
    }

    private void checkWhileAsked(String name) {
        try {
            while (running && checkAgain.remove(name)) {
                ClusterRecord row = registered.get(name);
                if (row == null) {
                    return;
                }
                last.put(name, check(row));
            }
        } finally {
            checking.remove(name);
            if (checkAgain.contains(name)) {
                startCheck(name); // asked for after the loop's last look
            }
        }
    }

    /** A read a moment from now, which every change until then joins. */
    private void checkSoon(String name, long delayMillis) {
        if (checkPending.add(name)) {
            try {
                scheduler.schedule(() -> {
                    checkPending.remove(name);
                    startCheck(name);
                }, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RuntimeException refused) { // the server stopping
                checkPending.remove(name);
            }
        }
    }

    private ClusterOverview check(ClusterRecord row) {
        Instant now = Instant.now();
        long started = System.nanoTime();
        try (EngineTarget.Scope ignored = target(row).enter()) {
            mirror.refresh(); // an Engine that cannot be read leaves the mirror stale with the reason
        } catch (RuntimeException e) { // its certificates cannot be opened (the key changed): nothing was read
            SwarmException failure = ClusterConnections.failure(row.dockerHost, e);
            LOG.log(Level.FINE, "cluster " + row.name + " could not be read: " + failure.getMessage(), e);
            synchronized (snapshots.lock(row.name)) {
                snapshots.put(row.name, snapshots.of(row.name).orElseGet(() -> ClusterSnapshot.none(now))
                        .failed(failure.getMessage(), failure instanceof DockerUnavailableException, now));
            }
        }
        ClusterSnapshot read = snapshots.of(row.name).orElseGet(() -> ClusterSnapshot.none(now));
        followUpIfUnsettled(row.name, started, read);
        HealthStatus health = read.health();
        return new ClusterOverview(row.name, row.dockerHost, false, health.overallHealth(), health.reasons(),
                read.swarm() == null ? row.swarmId : read.swarm().clusterId(), health.nodeHealth(),
                read.swarm() == null ? null : read.state().services().size(), health.checkedAt(), health.stale());
    }

    /** While a service the cluster's events named is still starting, a read a moment from now. */
    private void followUpIfUnsettled(String name, long readStarted, ClusterSnapshot read) {
        followUps.afterRead(name, readStarted, read.state(), read.health().stale()).ifPresent(pause -> checkSoon(name, pause));
    }

    /**
     * Follows the cluster's events while it is registered: each is a read soon after, and a stream that broke is a
     * read at once (events may have been lost with it). Reconnects by itself, with a back-off while the Engine is away.
     */
    private void watch(String name) {
        AtomicLong since = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
        long backoff = 500;
        boolean broken = false;
        try {
            while (running) {
                ClusterRecord row = registered.get(name);
                if (row == null) {
                    return;
                }
                try (EngineTarget.Scope ignored = target(row).enter()) {
                    if (broken) {
                        checkSoon(name, 0);
                    }
                    events.follow(since.get(), event -> {
                        since.accumulateAndGet(event.path("timeNano").asLong(0), Math::max);
                        followUps.changed(name, event, snapshots.of(name).map(ClusterSnapshot::state).orElse(null));
                        checkSoon(name, COALESCE_MILLIS);
                    });
                    backoff = 500;
                    broken = false;
                } catch (RuntimeException e) { // the Engine away, its pool closed (unregistered), its certificates
                    if (!running || !registered.containsKey(name)) {
                        return;
                    }
                    LOG.log(Level.FINE, "event stream of the cluster " + name + " broken, reconnecting in " + backoff + " ms", e);
                    broken = true;
                    if (!sleep(backoff)) {
                        return; // the server stopping
                    }
                    backoff = Math.min(backoff * 2, 5000);
                }
            }
        } finally {
            watched.remove(name);
        }
    }

    /** Whether the pause ran its length, rather than being interrupted. */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last check of a registered cluster; empty before its first. */
    public Optional<ClusterOverview> last(String cluster) {
        return Optional.ofNullable(last.get(cluster));
    }

    /** The default cluster (the server's own Docker host) as its mirror knows it: no Engine call. */
    public ClusterOverview defaultCluster() {
        try (EngineTarget.Scope ignored = EngineTarget.home()) { // asked from a page showing another cluster too
            HealthStatus health = mirror.health();
            var swarm = mirror.swarm();
            return new ClusterOverview(RegisteredCluster.DEFAULT, mirror.dockerHost(), true, health.overallHealth(), health.reasons(),
                    swarm == null ? null : swarm.clusterId(), health.nodeHealth(),
                    mirror.current().map(s -> s.services().size()).orElse(null), health.checkedAt(), health.stale());
        }
    }

    private void forget(String cluster) {
        registered.remove(cluster);
        committedAt.remove(cluster);
        last.remove(cluster);
        followUps.forget(cluster);
        snapshots.forget(cluster);
        connections.forget(cluster); // closes its pool: its event stream ends
        removed.fire(new ClusterRemoved(cluster));
    }
}
