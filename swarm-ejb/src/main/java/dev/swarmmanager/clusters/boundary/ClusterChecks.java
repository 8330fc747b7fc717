package dev.swarmmanager.clusters.boundary;

import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.clusters.control.ClusterConnections;
import dev.swarmmanager.clusters.control.ClusterSealing;
import dev.swarmmanager.clusters.control.TlsMaterial;
import dev.swarmmanager.clusters.entity.ClusterRecord;
import dev.swarmmanager.domain.ClusterOverview;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.mirror.control.ClusterAssessment;
import dev.swarmmanager.translation.ClusterReader;
import jakarta.annotation.PostConstruct;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps every registered Swarm's health fresh in memory: each is read whole (info, nodes, services, tasks) every
 * {@code swarm.clusters.check-interval} and judged as the default cluster is, each on its own thread, so an Engine
 * that hangs delays only its own line of the overview. Every server instance checks for itself.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ClusterChecks {

    private static final Logger LOG = Logger.getLogger(ClusterChecks.class.getName());

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    @Inject
    ClusterSealing sealing;

    @Inject
    ClusterConnections connections;

    @Inject
    ClusterMirror mirror;

    @Resource
    TimerService timers;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "swarm.clusters.check-interval", defaultValue = "PT15S")
    Duration interval;

    private final Map<String, ClusterOverview> last = new ConcurrentHashMap<>();
    /** The clusters being checked now: a check is never started twice while an Engine keeps the first waiting. */
    private final Set<String> checking = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void schedule() {
        // A container timer, not a scheduled executor: the registrations are read in an EJB invocation of its own.
        // Non-persistent: what a check found is worthless after a restart.
        timers.createIntervalTimer(1000, interval.toMillis(), new TimerConfig("cluster-checks", false));
    }

    /** Starts a check of every registered cluster that is not being checked already. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void checkAll() {
        try {
            List<ClusterRecord> rows = entities.createQuery("SELECT c FROM ClusterRecord c", ClusterRecord.class).getResultList();
            last.keySet().retainAll(rows.stream().map(r -> r.name).toList());
            for (ClusterRecord row : rows) {
                if (checking.add(row.name)) {
                    executor.submit(() -> {
                        try {
                            last.put(row.name, check(row));
                        } finally {
                            checking.remove(row.name);
                        }
                    });
                }
            }
        } catch (RuntimeException e) { // the database away: the next round tries again
            LOG.log(Level.WARNING, "checking the registered clusters", e);
        }
    }

    /** Reads the cluster now, on the caller's thread, and keeps what it found. */
    public ClusterOverview checkNow(ClusterRecord row) {
        ClusterOverview found = check(row);
        last.put(row.name, found);
        return found;
    }

    private ClusterOverview check(ClusterRecord row) {
        Instant now = Instant.now();
        try {
            TlsMaterial tls = row.sealedTls == null ? null : sealing.open(row.name, row.sealedTls);
            DockerClient client = connections.client(row.name, row.dockerHost + " " + row.sealedTls, row.dockerHost, tls);
            ClusterState state = ClusterReader.readOther(client);
            HealthStatus health = ClusterAssessment.assess(state, now).health();
            return new ClusterOverview(row.name, row.dockerHost, false, health.overallHealth(), health.reasons(),
                    state.swarm() == null ? row.swarmId : state.swarm().clusterId(), health.nodeHealth(),
                    state.services().size(), now, false);
        } catch (RuntimeException e) {
            String reason = ClusterConnections.failure(row.dockerHost, e).getMessage();
            LOG.log(Level.FINE, "cluster " + row.name + " could not be read: " + reason, e);
            ClusterOverview before = last.get(row.name);
            return new ClusterOverview(row.name, row.dockerHost, false, OverallHealth.UNHEALTHY, List.of(reason), row.swarmId,
                    before == null ? null : before.nodes(), before == null ? null : before.services(),
                    before == null ? null : before.checkedAt(), true);
        }
    }

    /** The last check of a registered cluster; empty before its first. */
    public Optional<ClusterOverview> last(String cluster) {
        return Optional.ofNullable(last.get(cluster));
    }

    /** The default cluster (the server's own Docker host) as its mirror knows it: no Engine call. */
    public ClusterOverview defaultCluster() {
        HealthStatus health = mirror.health();
        var swarm = mirror.swarm();
        return new ClusterOverview(RegisteredCluster.DEFAULT, mirror.dockerHost(), true, health.overallHealth(), health.reasons(),
                swarm == null ? null : swarm.clusterId(), health.nodeHealth(),
                mirror.current().map(s -> s.services().size()).orElse(null), health.checkedAt(), health.stale());
    }

    public void forget(String cluster) {
        last.remove(cluster);
        connections.forget(cluster);
    }
}
