package dev.swarmmanager.mirror.boundary;

import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.ClusterStatistics;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.domain.SwarmInfo;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.mirror.control.ClusterAssessment;
import dev.swarmmanager.docker.DockerSettings;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.mirror.control.ClusterSnapshots;
import dev.swarmmanager.translation.ClusterReader;
import dev.swarmmanager.mirror.entity.ClusterRefreshed;
import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The in-memory mirror of the cluster: nodes, services and tasks, with the health and statistics judged from
 * them. The Engine's events keep it fresh one service or the nodes at a time ({@code ClusterWatch}); a timer reads
 * everything again as a safety net; a change made through this application updates it before the call returns, so
 * a user always reads their own write. Readers take the current snapshot through a volatile reference and never
 * wait, not even on a refresh in progress; a failed refresh keeps the last known figures, marked stale and
 * unhealthy with the reason, and lists are then read from Docker (which answers why it cannot), so the mirror heals
 * by itself when Docker comes back. Observers get a {@link ClusterSnapshot} event after each change.
 *
 * <p>Every registered cluster has a mirror of its own, held in {@link ClusterSnapshots}: on a thread that works on
 * one ({@link EngineTarget}: a request under its routes, its checks and its event watch) every method here reads and
 * refreshes that cluster's mirror instead, over that cluster's connections, under that cluster's lock, and observers
 * get a {@link ClusterRefreshed} event. The default cluster's observers (alerts, autoscaling, history, metrics) never
 * see another cluster's snapshot.
 */
@Singleton
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional: no JTA transaction per call
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterMirror {

    private static final Logger LOG = Logger.getLogger(ClusterMirror.class.getName());

    @Inject
    ClusterReader reader;

    @Inject
    DockerSettings docker;

    @Inject
    Event<ClusterSnapshot> refreshed;

    @Inject
    Event<ClusterRefreshed> refreshedElsewhere;

    /** The registered clusters' mirrors. */
    @Inject
    ClusterSnapshots others;

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
     * Reads the whole cluster and swaps the snapshot; called by the timer, after the event stream broke, and
     * after changes too wide to follow one by one. Refreshes take turns, so an older read never replaces a newer
     * one; readers are never blocked.
     */
    @Timeout
    @PermitAll
    public void refresh() {
        synchronized (lock()) {
            Instant now = Instant.now();
            ClusterSnapshot next;
            try {
                next = ClusterAssessment.assess(reader.read(), now);
            } catch (SwarmException e) {
                next = viewed().failed(e.getMessage(), e instanceof DockerUnavailableException, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "refresh of the cluster " + EngineTarget.clusterName() + " failed", e);
                next = viewed().failed("refresh failed: " + e, false, now);
            }
            publish(next);
        }
    }

    /**
     * Reads one service and its tasks again (two Engine calls) and puts them in the mirror, or takes the service
     * out when it is gone. While the mirror is not current (never read, or the last read failed) nothing is read:
     * the next full read brings everything.
     *
     * @param reference the service's ID or name
     * @return whether the service has settled (see {@link ClusterState#isSettled}); a gone service has
     * @throws SwarmException when Docker cannot be asked; the mirror is left as it was
     */
    @PermitAll
    public boolean refreshService(String reference) {
        return refreshServices(List.of(reference)).isEmpty();
    }

    /**
     * {@link #refreshService} for several services, judged and published once for all of them.
     *
     * @param references the services' IDs or names
     * @return the IDs of those that have not settled
     * @throws SwarmException when Docker cannot be asked; the mirror is left as it was
     */
    @PermitAll
    public Set<String> refreshServices(Collection<String> references) {
        synchronized (lock()) {
            return refreshServicesHere(references);
        }
    }

    private Set<String> refreshServicesHere(Collection<String> references) {
        ClusterSnapshot before = viewed();
        if (before.health().stale()) {
            return Set.of(); // nothing current to patch: the next full read brings everything
        }
        ClusterState state = before.state();
        Map<String, String> hostnames = SwarmNode.hostnamesById(state.nodes());
        List<String> read = new ArrayList<>();
        for (String reference : references) {
            var service = reader.readService(reference, hostnames);
            String id = service.service() != null ? service.service().id()
                    : state.service(reference).map(SwarmService::id).orElse(null);
            if (id != null) {
                state = state.withService(id, service.service(), service.tasks());
                read.add(id);
            }
        }
        if (read.isEmpty()) {
            return Set.of();
        }
        ClusterState next = state;
        publish(ClusterAssessment.assess(next, Instant.now()));
        return read.stream().filter(id -> !next.isSettled(id)).collect(Collectors.toSet());
    }

    /**
     * Reads the nodes again (one Engine call).
     *
     * @throws SwarmException when Docker cannot be asked; the mirror is left as it was
     */
    @PermitAll
    public void refreshNodes() {
        synchronized (lock()) {
            ClusterSnapshot before = viewed();
            if (!before.health().stale()) {
                publish(ClusterAssessment.assess(before.state().withNodes(reader.readNodes()), Instant.now()));
            }
        }
    }

    /**
     * No Engine call: the IDs of the services a change of the node may have moved tasks of (see
     * {@link ClusterState#servicesAffectedBy}); none while the mirror is not current.
     */
    @PermitAll
    public Set<String> servicesAffectedBy(String nodeId) {
        ClusterSnapshot now = viewed();
        return now.health().stale() ? Set.of() : now.state().servicesAffectedBy(nodeId);
    }

    /** Swaps the mirror of the cluster this thread works on; called under its {@link #lock()}. */
    private void publish(ClusterSnapshot next) {
        EngineTarget target = EngineTarget.current().orElse(null);
        if (target == null) {
            snapshot = next;
            refreshed.fire(next);
        } else {
            others.put(target.cluster(), next);
            refreshedElsewhere.fire(new ClusterRefreshed(target.cluster(), next));
        }
    }

    /** What refreshes of the cluster this thread works on hold: each cluster's own, so none waits on another's Engine. */
    private Object lock() {
        return EngineTarget.current().map(t -> others.lock(t.cluster())).orElse(this);
    }


    /**
     * No Engine call: the cluster as the mirror knows it, if that is current (read, and the last refresh
     * succeeded). Empty when Docker could not be read: callers then ask Docker, which says why.
     */
    // Also read by the application's own work (the autoscaler), on threads with no signed-in caller; every edge that
    // shows it asks for a sign-in first.
    @PermitAll
    public Optional<ClusterState> current() {
        ClusterSnapshot now = viewed();
        return now.health().stale() ? Optional.empty() : Optional.of(now.state());
    }

    /** No Engine call: the last refresh's verdict, with its age now. */
    @PermitAll
    public HealthStatus health() {
        return viewed().health().agedAt(Instant.now());
    }

    /**
     * No Engine call: the Swarm's identity as of the last successful refresh.
     *
     * @return {@code null} until the first successful refresh
     */
    public SwarmInfo swarm() {
        return viewed().swarm();
    }

    /**
     * No Engine call.
     *
     * @return {@code null} until the first successful refresh
     */
    public ClusterStatistics statistics() {
        return viewed().statistics();
    }

    /** No Engine call: whether the last refresh could not reach the Docker Engine at all (not merely a stale read). */
    public boolean dockerUnavailable() {
        return viewed().dockerUnavailable();
    }

    /** The Docker Engine the mirror reads ({@code swarm.docker.host}), for pages and answers that say where. */
    public String dockerHost() {
        return EngineTarget.current().map(EngineTarget::host).orElseGet(docker::host);
    }

    /** The snapshot of the cluster this thread works on: the default one's, or a registered cluster's mirror. */
    private ClusterSnapshot viewed() {
        return EngineTarget.current().map(t -> others.of(t.cluster()).orElseGet(() -> ClusterSnapshot.none(Instant.now())))
                .orElse(snapshot);
    }
}
