package dev.swarmmanager.metrics.control;

import dev.swarmmanager.docker.EngineCall;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.domain.ServiceHealth;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.events.boundary.ClusterWatch;
import dev.swarmmanager.mirror.control.ClusterSnapshots;
import dev.swarmmanager.mirror.entity.ClusterRefreshed;
import dev.swarmmanager.mirror.entity.ClusterRemoved;
import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import dev.swarmmanager.tasks.control.LogFollows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Keeps the application's metrics in step with the latest snapshot of each managed cluster. Gauges read the
 * snapshots held here and carry the cluster's name ({@code cluster="default"} for the server's own); per-service
 * gauges are added and removed as services come and go, and a cluster's gauges go with it, so nothing removed
 * lingers as a flat line.
 */
@ApplicationScoped
public class ClusterMetrics {

    private static final Metadata NODES = Metadata.builder().withName("swarm_nodes")
            .withDescription("Nodes by role, availability and state").build();
    private static final Metadata DESIRED = Metadata.builder().withName("swarm_service_replicas_desired")
            .withDescription("Replicas a service should run").build();
    private static final Metadata RUNNING = Metadata.builder().withName("swarm_service_replicas_running")
            .withDescription("Replicas of a service running now").build();
    private static final Metadata TASKS = Metadata.builder().withName("swarm_tasks")
            .withDescription("Tasks in Swarm's history by state").build();
    private static final Metadata AGE = Metadata.builder().withName("swarm_snapshot_age")
            .withDescription("Age of the cluster snapshot the API and UI read").withUnit(MetricUnits.SECONDS).build();
    private static final Metadata STALE = Metadata.builder().withName("swarm_snapshot_stale")
            .withDescription("1 when the last refresh could not reach Docker").build();
    private static final Metadata EVENTS = Metadata.builder().withName("swarm_docker_events")
            .withDescription("Docker events handled by the cluster watch").build();
    private static final Metadata CALLS = Metadata.builder().withName("swarm_docker_calls")
            .withDescription("Docker Engine calls by cluster and endpoint").build();
    private static final Metadata CALL_ERRORS = Metadata.builder().withName("swarm_docker_call_errors")
            .withDescription("Docker Engine calls that failed before the Engine answered").build();
    // In milliseconds and without a declared unit: Payara converts a histogram's mean and max to seconds but
    // not its quantiles, so a declared unit would publish a summary whose numbers disagree with each other.
    private static final Metadata CALL_TIME = Metadata.builder().withName("swarm_docker_call_latency")
            .withDescription("Time to the Engine's answer, in milliseconds").build();

    private static final Metadata FOLLOWS = Metadata.builder().withName("swarm_log_follows")
            .withDescription("Log follows open now (each holds a reader thread and an Engine connection)").build();

    @Inject
    MetricRegistry registry;

    @Inject
    LogFollows follows;

    @Inject
    ClusterWatch watch;

    /** Which registered clusters are managed now: a read or a call that ends as its cluster goes adds nothing. */
    @Inject
    ClusterSnapshots managed;

    /** Each managed cluster's latest snapshot, by name ({@code default} first of all), which its gauges read. */
    private final Map<String, ClusterSnapshot> snapshots = new ConcurrentHashMap<>();
    /** Each cluster's services by name, for the per-service gauges. */
    private final Map<String, Map<String, ServiceHealth>> services = new ConcurrentHashMap<>();
    /** The gauges registered for each cluster, so that they go with it. */
    private final Map<String, Set<MetricID>> gauges = new HashMap<>();
    private boolean serverGauges;

    synchronized void refreshed(@Observes ClusterSnapshot next) {
        update(RegisteredCluster.DEFAULT, next);
    }

    synchronized void refreshedElsewhere(@Observes ClusterRefreshed refreshed) {
        // Gone since (its ClusterRemoved comes after it stops being managed, and waits for this method): no gauges.
        if (managed.isManaged(refreshed.cluster())) {
            update(refreshed.cluster(), refreshed.snapshot());
        }
    }

    synchronized void removed(@Observes ClusterRemoved removed) {
        Set<MetricID> gone = gauges.remove(removed.cluster());
        if (gone != null) {
            gone.forEach(registry::remove);
        }
        // Its Engine-call counters too: a registry that kept every name a cluster ever had would only grow.
        registry.removeMatching((id, metric) -> removed.cluster().equals(id.getTags().get("cluster")));
        snapshots.remove(removed.cluster());
        services.remove(removed.cluster());
    }

    private void update(String cluster, ClusterSnapshot next) {
        snapshots.put(cluster, next);
        Map<String, ServiceHealth> byName = new HashMap<>();
        next.health().serviceHealth().forEach(s -> byName.put(s.name(), s));
        services.put(cluster, byName);
        if (!serverGauges) {
            registry.gauge(FOLLOWS, follows::active);
            registry.gauge(EVENTS, watch::processed);
            serverGauges = true;
        }
        Set<MetricID> registered = gauges.get(cluster);
        if (registered == null) {
            registered = new HashSet<>();
            gauges.put(cluster, registered);
            registerClusterGauges(cluster, registered);
        }
        Tag in = new Tag("cluster", cluster);
        for (String name : byName.keySet()) {
            Tag tag = new Tag("service", name);
            MetricID desired = new MetricID(DESIRED.getName(), in, tag);
            if (registered.add(desired)) {
                registry.gauge(DESIRED, () -> replicas(cluster, name, true), in, tag);
                registry.gauge(RUNNING, () -> replicas(cluster, name, false), in, tag);
                registered.add(new MetricID(RUNNING.getName(), in, tag));
            }
        }
        for (var it = registered.iterator(); it.hasNext(); ) {
            MetricID id = it.next();
            String service = id.getTags().get("service");
            if (service != null && !byName.containsKey(service)) {
                registry.remove(id);
                it.remove();
            }
        }
    }

    void called(@Observes EngineCall call) {
        if (!RegisteredCluster.DEFAULT.equals(call.cluster()) && !managed.isManaged(call.cluster())) {
            return; // a call that failed as its cluster's connections closed
        }
        Tag[] tags = {new Tag("cluster", call.cluster()), new Tag("endpoint", call.endpoint())};
        registry.counter(CALLS, tags).inc();
        if (call.failed()) {
            registry.counter(CALL_ERRORS, tags).inc();
        } else {
            registry.histogram(CALL_TIME, tags).update(call.nanos() / 1_000_000L);
        }
    }

    /** A cluster's state gauges, each labelled with the cluster and reading its latest snapshot. */
    private void registerClusterGauges(String cluster, Set<MetricID> registered) {
        Tag in = new Tag("cluster", cluster);
        for (NodeRole role : NodeRole.values()) {
            for (NodeAvailability availability : NodeAvailability.values()) {
                for (NodeState state : NodeState.values()) {
                    Tag[] tags = {in, new Tag("role", role.toString()), new Tag("availability", availability.toString()),
                            new Tag("state", state.toString())};
                    registry.gauge(NODES, () -> nodes(cluster, role, availability, state), tags);
                    registered.add(new MetricID(NODES.getName(), tags));
                }
            }
        }
        for (TaskState state : TaskState.values()) {
            Tag[] tags = {in, new Tag("state", state.toString())};
            registry.gauge(TASKS, () -> tasks(cluster, state), tags);
            registered.add(new MetricID(TASKS.getName(), tags));
        }
        registry.gauge(AGE, () -> {
            ClusterSnapshot s = snapshots.get(cluster);
            return s == null ? 0.0 : Duration.between(s.health().checkedAt(), Instant.now()).toMillis() / 1000.0;
        }, in);
        registered.add(new MetricID(AGE.getName(), in));
        registry.gauge(STALE, () -> {
            ClusterSnapshot s = snapshots.get(cluster);
            return s != null && s.health().stale() ? 1 : 0;
        }, in);
        registered.add(new MetricID(STALE.getName(), in));
    }

    private long nodes(String cluster, NodeRole role, NodeAvailability availability, NodeState state) {
        ClusterSnapshot s = snapshots.get(cluster);
        return s == null ? 0 : s.nodeCounts().getOrDefault(new ClusterSnapshot.NodeKind(role, availability, state), 0L);
    }

    private long tasks(String cluster, TaskState state) {
        ClusterSnapshot s = snapshots.get(cluster);
        return s == null ? 0 : s.taskCounts().getOrDefault(state, 0L);
    }

    private long replicas(String cluster, String service, boolean desired) {
        ServiceHealth s = services.getOrDefault(cluster, Map.of()).get(service);
        return s == null ? 0 : desired ? s.desiredReplicas() : s.runningReplicas();
    }
}
