package dev.swarmmanager.metrics.control;

import dev.swarmmanager.docker.EngineCall;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.ServiceHealth;
import dev.swarmmanager.domain.TaskState;
import dev.swarmmanager.events.boundary.ClusterWatch;
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
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Keeps the application's metrics in step with the latest cluster snapshot. Gauges read the snapshot held
 * here; per-service gauges are added and removed as services come and go, so a removed service does not
 * linger as a flat line.
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
            .withDescription("Docker Engine calls by endpoint").build();
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

    private volatile ClusterSnapshot snapshot;
    private volatile Map<String, ServiceHealth> services = Map.of();
    private final Set<String> serviceGauges = new HashSet<>();
    private boolean fixedGauges;

    synchronized void refreshed(@Observes ClusterSnapshot next) {
        snapshot = next;
        Map<String, ServiceHealth> byName = new HashMap<>();
        next.health().serviceHealth().forEach(s -> byName.put(s.name(), s));
        services = byName;
        if (!fixedGauges) {
            registerFixedGauges();
            fixedGauges = true;
        }
        for (String name : byName.keySet()) {
            if (serviceGauges.add(name)) {
                Tag tag = new Tag("service", name);
                registry.gauge(DESIRED, () -> replicas(name, true), tag);
                registry.gauge(RUNNING, () -> replicas(name, false), tag);
            }
        }
        for (var it = serviceGauges.iterator(); it.hasNext(); ) {
            String name = it.next();
            if (!byName.containsKey(name)) {
                registry.remove(new MetricID(DESIRED.getName(), new Tag("service", name)));
                registry.remove(new MetricID(RUNNING.getName(), new Tag("service", name)));
                it.remove();
            }
        }
    }

    void called(@Observes EngineCall call) {
        Tag endpoint = new Tag("endpoint", call.endpoint());
        registry.counter(CALLS, endpoint).inc();
        if (call.failed()) {
            registry.counter(CALL_ERRORS, endpoint).inc();
        } else {
            registry.histogram(CALL_TIME, endpoint).update(call.nanos() / 1_000_000L);
        }
    }

    private void registerFixedGauges() {
        registry.gauge(FOLLOWS, follows::active);
        for (NodeRole role : NodeRole.values()) {
            for (NodeAvailability availability : NodeAvailability.values()) {
                for (NodeState state : NodeState.values()) {
                    registry.gauge(NODES, () -> nodes(role, availability, state), new Tag("role", role.toString()),
                            new Tag("availability", availability.toString()), new Tag("state", state.toString()));
                }
            }
        }
        for (TaskState state : TaskState.values()) {
            registry.gauge(TASKS, () -> tasks(state), new Tag("state", state.toString()));
        }
        registry.gauge(AGE, () -> {
            ClusterSnapshot s = snapshot;
            return s == null ? 0.0 : Duration.between(s.health().checkedAt(), Instant.now()).toMillis() / 1000.0;
        });
        registry.gauge(EVENTS, watch::processed);
        registry.gauge(STALE, () -> snapshot != null && snapshot.health().stale() ? 1 : 0);
    }

    private long nodes(NodeRole role, NodeAvailability availability, NodeState state) {
        ClusterSnapshot s = snapshot;
        return s == null ? 0 : s.nodeCounts().getOrDefault(new ClusterSnapshot.NodeKind(role, availability, state), 0L);
    }

    private long tasks(TaskState state) {
        ClusterSnapshot s = snapshot;
        return s == null ? 0 : s.taskCounts().getOrDefault(state, 0L);
    }

    private long replicas(String service, boolean desired) {
        ServiceHealth s = services.get(service);
        return s == null ? 0 : desired ? s.desiredReplicas() : s.runningReplicas();
    }

}
