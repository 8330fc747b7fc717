package dev.swarmmanager.alerts.boundary;

import dev.swarmmanager.alerts.control.Notifier;
import dev.swarmmanager.autoscaling.boundary.ScalingPolicies;
import dev.swarmmanager.domain.Alert;
import dev.swarmmanager.domain.AlertChannel;
import dev.swarmmanager.domain.AlertRule;
import dev.swarmmanager.domain.Alerting;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.DeliveryFailedException;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.history.boundary.History;
import dev.swarmmanager.leases.boundary.Leases;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Judges the alert rules every {@code swarm.alerts.interval} (10 s) against the mirror, on the one instance holding
 * the {@code alerts} lease: keeps each alert that fires or resolves (in its table and in the event history), and sends
 * it once through every channel that takes its severity, unless its rule is silenced. An alert that fired while its
 * rule was silenced is sent when the silence ends if it is still open; its resolution is sent only if its firing was.
 * Sending runs on four threads of its own, each channel tried three times (the retries scheduled, no thread waits), so a
 * slow receiver delays no evaluation and takes no thread another part of the application needs.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class.getName());
    static final String LEASE = "alerts";
    /** The waits before each try of a send. */
    static final List<Duration> RETRIES = List.of(Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(10));
    /** Sends run on threads of their own, a few at a time, so a slow receiver takes no thread another part needs. */
    static final int SENDERS = 4;
    static final int SENDS_QUEUED = 1000;

    @Inject
    AlertRules rules;

    @Inject
    AlertChannels channels;

    @Inject
    Alerts alerts;

    @Inject
    ScalingPolicies scalingPolicies;

    @Inject
    Leases leases;

    @Inject
    ClusterMirror mirror;

    @Inject
    History history;

    @Inject
    Notifier notifier;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "swarm.alerts.interval", defaultValue = "PT10S")
    Duration interval;

    private final String instance = Leases.newHolder();
    /** Only the schedule's thread touches it (fixed delay: one cycle at a time). */
    private Alerting alerting;
    private ScheduledFuture<?> cycles;
    private ExecutorService senders;
    /** Resolutions to send, kept across a failed cycle (which starts the alerts afresh from the database). */
    private final Queue<Alert> resolutions = new ConcurrentLinkedQueue<>();

    @PostConstruct
    void start() {
        senders = new ThreadPoolExecutor(SENDERS, SENDERS, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(SENDS_QUEUED), threads);
        cycles = scheduler.scheduleWithFixedDelay(this::cycle, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (cycles != null) {
            cycles.cancel(false);
        }
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    void cycle() {
        try {
            if (!leases.hold(LEASE, instance, interval.multipliedBy(3))) {
                alerting = null; // another instance judges; taking over later starts from the open alerts kept
                return;
            }
            if (alerting == null) {
                alerting = new Alerting(alerts.openForTheEvaluator());
            }
            Instant now = Instant.now();
            List<AlertRule> all = rules.forTheEvaluator();
            Alerting.Transitions changes = alerting.evaluate(all, signals(now));
            for (Alert fired : changes.fired()) {
                Alert kept = alerts.keep(fired);
                alerting.update(kept);
                record(kept, "fired");
            }
            for (Alert resolved : changes.resolved()) {
                alerts.close(resolved);
                record(resolved, "resolved");
                if (resolved.notified()) {
                    // Sent whatever a silence says: a receiver told of an alert is told when it ends.
                    resolutions.add(resolved);
                }
            }
            send(all, now);
        } catch (RuntimeException e) {
            // The next cycle tries again from the alerts kept: one failure (a database away) must not end the schedule.
            LOG.log(Level.WARNING, "alert evaluation failed", e);
            alerting = null;
        }
    }

    /**
     * Hands each unsent firing (its rule not silenced) and each resolution to the senders, one per channel that takes
     * it; a firing is marked sent once handed over, so a failure before leaves it for the next cycle.
     */
    private void send(List<AlertRule> all, Instant now) {
        Map<String, AlertRule> byName = all.stream().collect(Collectors.toMap(AlertRule::name, Function.identity()));
        List<Alert> firings = alerting.firing().stream().filter(a -> !a.notified() && a.id() != 0)
                .filter(a -> byName.containsKey(a.rule()) && !byName.get(a.rule()).silencedAt(now)).toList();
        if (firings.isEmpty() && resolutions.isEmpty()) {
            return;
        }
        List<AlertChannel> open = channels.forTheEvaluator();
        for (Alert firing : firings) {
            handOver(open, firing);
            alerts.markNotified(firing.id());
            alerting.update(firing.withNotified());
        }
        for (Alert resolved; (resolved = resolutions.peek()) != null; resolutions.remove()) {
            handOver(open, resolved);
        }
    }

    private void handOver(List<AlertChannel> open, Alert alert) {
        for (AlertChannel channel : open) {
            if (channel.takes(alert.severity())) {
                attempt(channel, alert, 0);
            }
        }
    }

    /** One try on a sender's thread; the next, if any, is scheduled (no thread sleeps between tries). */
    private void attempt(AlertChannel channel, Alert alert, int tried) {
        try {
            senders.execute(() -> deliver(channel, alert, tried));
        } catch (RejectedExecutionException e) {
            recordDelivery(alert, "not-sent", what(alert) + " not sent to " + channel.name() + ": " + SENDS_QUEUED
                    + " messages are already waiting to be sent");
        }
    }

    private void deliver(AlertChannel channel, Alert alert, int tried) {
        try {
            notifier.send(channel, alert, false);
            recordDelivery(alert, "sent", what(alert) + " sent to " + channel.name());
            return;
        } catch (DeliveryFailedException e) {
            if (tried + 1 < RETRIES.size()) {
                scheduler.schedule(() -> attempt(channel, alert, tried + 1), RETRIES.get(tried + 1).toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            LOG.warning(what(alert) + " could not be sent to " + channel.name() + ": " + e.getMessage());
            recordDelivery(alert, "not-sent", what(alert) + " not sent, after " + RETRIES.size() + " tries: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what(alert) + " could not be sent to " + channel.name(), e);
            recordDelivery(alert, "not-sent", what(alert) + " not sent to " + channel.name() + ": " + e.getClass().getSimpleName());
        }
    }

    private static String what(Alert alert) {
        return "alert " + alert.rule() + " " + alert.kind() + " " + alert.object() + " (" + (alert.open() ? "firing" : "resolved") + ")";
    }

    private Alerting.Signals signals(Instant now) {
        ClusterState state = mirror.current().orElse(null);
        String problem = state != null ? null : String.join("; ", mirror.health().reasons());
        Map<String, Long> maxima = new HashMap<>();
        scalingPolicies.forTheAutoscaler().stream().filter(a -> !a.policy().paused())
                .forEach(a -> maxima.put(a.policy().service(), a.policy().maxReplicas()));
        return new Alerting.Signals(now, state, problem, maxima);
    }

    private void record(Alert alert, String action) {
        recordAt(action.equals("fired") ? alert.firedAt() : alert.resolvedAt(), alert, action,
                "alert " + alert.rule() + " (" + alert.severity() + ") " + action + ": " + alert.summary());
    }

    private void recordDelivery(Alert alert, String action, String summary) {
        recordAt(Instant.now(), alert, action, summary);
    }

    /** One history entry about the alert's object (a service's alerts are found with the service's). */
    private void recordAt(Instant at, Alert alert, String action, String summary) {
        append(new HistoryEvent(0, at, HistoryKind.ALERT, action, null, alert.object(),
                alert.kind() == HistoryKind.SERVICE ? alert.object() : null, null, summary, RegisteredCluster.DEFAULT));
    }

    private void append(HistoryEvent event) {
        try {
            history.append(List.of(event));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the history could not keep: " + event.summary(), e);
        }
    }
}
