package dev.swarmmanager.autoscaling.boundary;

import dev.swarmmanager.autoscaling.control.PrometheusQueries;
import dev.swarmmanager.domain.Autoscaling;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.domain.ScalingDecision;
import dev.swarmmanager.domain.ScalingMetric;
import dev.swarmmanager.domain.ScalingPolicy;
import dev.swarmmanager.domain.ServiceMeasurement;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.history.boundary.History;
import dev.swarmmanager.leases.boundary.Leases;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.resources.control.TaskSampler;
import dev.swarmmanager.services.boundary.Services;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Follows the scaling policies: every {@code swarm.autoscaler.interval} (15 s) it reads each policy's figure, decides
 * with {@link Autoscaling}, scales through {@link Services#scaleForAutoscaler} (the deployment policy, the versioned
 * write, the audit log), and keeps every decision in the event history, those that changed nothing with their reason.
 * It runs on one instance of the application at a time: the one holding the {@code autoscaler} lease in the database.
 * A paused policy is not evaluated. The recommendations of the stabilisation windows are kept in memory, so an
 * instance that takes the lease over starts its windows afresh.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Autoscaler {

    private static final Logger LOG = Logger.getLogger(Autoscaler.class.getName());
    static final String LEASE = "autoscaler";
    /** The decisions of the last hour per service, for the service page's picture. */
    static final Duration KEPT = Duration.ofHours(1);

    /** Read through the bean, on its own transaction: this schedule's thread is not a container call. */
    @Inject
    ScalingPolicies policies;

    @Inject
    Leases leases;

    @Inject
    ClusterMirror mirror;

    @Inject
    PrometheusQueries prometheus;

    @Inject
    TaskSampler sampler;

    @Inject
    Services services;

    @Inject
    History history;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "swarm.autoscaler.interval", defaultValue = "PT15S")
    Duration interval;

    private final String instance = Leases.newHolder();
    private final Map<String, Autoscaling> scalers = new ConcurrentHashMap<>();
    private final Map<String, Deque<ScalingDecision>> recent = new ConcurrentHashMap<>();
    private final Map<String, Instant> refusedUntil = new ConcurrentHashMap<>();
    static final Duration REFUSAL_BACKOFF = Duration.ofMinutes(5);
    private ScheduledFuture<?> cycles;

    @PostConstruct
    void start() {
        cycles = scheduler.scheduleWithFixedDelay(this::cycle, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (cycles != null) {
            cycles.cancel(false);
        }
    }

    /** The service's decisions of the last hour, oldest first (on the instance that holds the lease). */
    public List<ScalingDecision> recent(String service) {
        Deque<ScalingDecision> decisions = recent.get(service);
        if (decisions == null) {
            return List.of();
        }
        synchronized (decisions) {
            return List.copyOf(decisions);
        }
    }

    void cycle() {
        try {
            // The lease outlives three missed cycles, so a slow cycle does not hand it to another instance.
            if (!leases.hold(LEASE, instance, interval.multipliedBy(3))) {
                scalers.clear();
                return;
            }
            Set<String> kept = new HashSet<>();
            ClusterState state = mirror.current().orElse(null);
            for (ScalingPolicies.Active active : policies.forTheAutoscaler()) {
                ScalingPolicy policy = active.policy();
                kept.add(policy.service());
                if (policy.paused() || state == null) {
                    continue;
                }
                try {
                    evaluate(policy, active.setByAdmin(), state);
                } catch (RuntimeException e) {
                    // One policy's failure (a figure that cannot be read, a database away) leaves the others to run.
                    LOG.log(Level.WARNING, "autoscaler: the policy of " + policy.service() + " could not be evaluated", e);
                }
            }
            scalers.keySet().retainAll(kept);
            recent.keySet().retainAll(kept);
            refusedUntil.keySet().retainAll(kept);
        } catch (RuntimeException e) {
            // The next cycle tries again; one failure (a database away) must not end the schedule.
            LOG.log(Level.WARNING, "autoscaler cycle failed", e);
        }
    }

    private void evaluate(ScalingPolicy policy, boolean asAdmin, ClusterState state) {
        Instant now = Instant.now();
        SwarmService service = state.services().stream().filter(s -> s.name().equals(policy.service())).findFirst().orElse(null);
        ScalingDecision decision;
        Autoscaling scaler = scalers.computeIfAbsent(policy.service(), s -> new Autoscaling());
        if (service == null) {
            decision = new ScalingDecision(now, policy.service(), 0, null, null, 0, ScalingDecision.Outcome.NO_METRIC,
                    "the service does not exist (any more)");
        } else {
            Double value = null;
            String problem = null;
            try {
                value = figure(policy, state, service);
            } catch (PrometheusQueries.Unavailable | SwarmException e) {
                problem = e.getMessage();
            }
            decision = scaler.decide(policy, service.desiredReplicas(), value, problem, now);
            Instant retry = refusedUntil.get(policy.service());
            if (decision.scales() && retry != null && now.isBefore(retry)) {
                decision = refused(decision, "refused before; tried again after " + retry);
            } else if (decision.scales()) {
                try {
                    services.scaleForAutoscaler(service.name(), decision.current(), decision.replicas(), decision.reason(), asAdmin);
                    scaler.scaled(decision);
                    refusedUntil.remove(policy.service());
                } catch (SwarmException e) {
                    // Not every cycle: a refusal stands until the policy or the service changes, or a while has passed.
                    refusedUntil.put(policy.service(), now.plus(REFUSAL_BACKOFF));
                    decision = refused(decision, "refused: " + e.getMessage());
                }
            }
        }
        keep(decision, service == null ? null : service.stack());
    }

    /**
     * The figure to scale on: the query's sum; or the tasks' CPU % (or memory) as measured on the connected Engine,
     * averaged over the tasks measured and multiplied by the replicas (an estimate when some run elsewhere).
     */
    private double figure(ScalingPolicy policy, ClusterState state, SwarmService service) {
        if (policy.metric() == ScalingMetric.PROMETHEUS) {
            return prometheus.value(policy.query());
        }
        ServiceMeasurement measured = sampler.measure(state, service);
        List<Double> values = measured.tasks().stream()
                .map(t -> policy.metric() == ScalingMetric.CPU ? t.cpuPercent() : t.memoryBytes() == null ? null : t.memoryBytes().doubleValue())
                .filter(v -> v != null).toList();
        if (values.isEmpty()) {
            throw new PrometheusQueries.Unavailable("no running task of " + service.name() + " on " + measured.measuredOn()
                    + ", the node whose Engine measures them");
        }
        double average = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return average * service.desiredReplicas();
    }

    private static ScalingDecision refused(ScalingDecision decision, String why) {
        return new ScalingDecision(decision.at(), decision.service(), decision.current(), decision.value(), decision.recommended(),
                decision.current(), ScalingDecision.Outcome.REFUSED, decision.reason() + ": " + why);
    }

    private void keep(ScalingDecision decision, String stack) {
        Deque<ScalingDecision> decisions = recent.computeIfAbsent(decision.service(), s -> new ArrayDeque<>());
        synchronized (decisions) {
            decisions.addLast(decision);
            while (!decisions.isEmpty() && decisions.peekFirst().at().isBefore(decision.at().minus(KEPT))) {
                decisions.removeFirst();
            }
        }
        try {
            history.append(List.of(new HistoryEvent(0, decision.at(), HistoryKind.AUTOSCALER, decision.outcome().toString(), null,
                    decision.service(), decision.service(), stack, "autoscaler " + decision.service() + ": " + decision.outcome()
                    + " — " + decision.reason(), RegisteredCluster.DEFAULT)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the autoscaler's decision for " + decision.service() + " could not be kept", e);
        }
    }
}
