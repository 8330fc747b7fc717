package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges the alert rules against the cluster, one evaluation at a time, and says which alerts fire and which resolve.
 * A condition must hold for its rule's {@code for} before its alert fires (held since the first evaluation that saw
 * it); an alert fires once and resolves once, however many evaluations see it. While Docker cannot be read nothing
 * but {@link AlertCondition#DOCKER_UNREACHABLE} is judged: a node is not "back" because nobody can see it. The alerts
 * of a rule removed or disabled resolve. Not thread-safe: one evaluator owns it.
 */
public final class Alerting {

    /** What the rules are judged against at one instant. */
    public record Signals(Instant at, ClusterState state, String dockerProblem, Map<String, Long> scalingMaxima) implements Serializable {

        public Signals {
            scalingMaxima = scalingMaxima == null ? Map.of() : Map.copyOf(scalingMaxima);
        }
    }

    /** What one evaluation changed. */
    public record Transitions(List<Alert> fired, List<Alert> resolved) implements Serializable {

        public boolean isEmpty() {
            return fired.isEmpty() && resolved.isEmpty();
        }
    }

    private record Breach(HistoryKind kind, String object, String summary) implements Serializable {
    }

    private final Map<String, Instant> pendingSince = new HashMap<>();
    private final Map<String, Alert> firing = new LinkedHashMap<>();

    /** @param open the alerts still open from before (another instance's, or this one's before a restart) */
    public Alerting(Collection<Alert> open) {
        for (Alert alert : open) {
            firing.put(alert.key(), alert);
        }
    }

    /** The alerts open now. */
    public List<Alert> firing() {
        return List.copyOf(firing.values());
    }

    /** Puts an alert back as kept (with its ID, or marked notified). */
    public void update(Alert alert) {
        firing.computeIfPresent(alert.key(), (k, old) -> alert);
    }

    public Transitions evaluate(List<AlertRule> rules, Signals signals) {
        Instant now = signals.at();
        List<Alert> fired = new ArrayList<>();
        List<Alert> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> judged = new HashSet<>();
        for (AlertRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            judged.add(rule.name());
            List<Breach> breaches = breaches(rule, signals);
            if (breaches == null) {
                // Cannot be judged now: its alerts stay as they are, and a condition pending keeps its start.
                firing.keySet().stream().filter(k -> k.startsWith(rule.name() + '\u0000')).forEach(seen::add);
                pendingSince.keySet().stream().filter(k -> k.startsWith(rule.name() + '\u0000')).forEach(seen::add);
                continue;
            }
            for (Breach breach : breaches) {
                String key = Alert.key(rule.name(), breach.kind(), breach.object());
                seen.add(key);
                Instant since = pendingSince.computeIfAbsent(key, k -> now);
                if (!firing.containsKey(key) && !Duration.between(since, now).minus(rule.forDuration()).isNegative()) {
                    Alert alert = new Alert(0, rule.name(), rule.condition(), rule.severity(), breach.kind(), breach.object(),
                            breach.summary(), now, null, false);
                    firing.put(key, alert);
                    fired.add(alert);
                }
            }
        }
        pendingSince.keySet().retainAll(seen);
        for (var it = firing.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!seen.contains(entry.getKey())) {
                Alert alert = entry.getValue();
                String why = judged.contains(alert.rule()) ? "" : " (its rule was removed or disabled)";
                resolved.add(new Alert(alert.id(), alert.rule(), alert.condition(), alert.severity(), alert.kind(), alert.object(),
                        alert.summary() + why, alert.firedAt(), now, alert.notified()));
                it.remove();
            }
        }
        return new Transitions(fired, resolved);
    }

    /** What breaks the rule now; {@code null} when it cannot be judged (Docker unread). */
    private static List<Breach> breaches(AlertRule rule, Signals signals) {
        ClusterState state = signals.state();
        if (rule.condition() == AlertCondition.DOCKER_UNREACHABLE) {
            return state != null ? List.of() : List.of(new Breach(HistoryKind.HEALTH, "docker", "Docker cannot be read: "
                    + (signals.dockerProblem() == null ? "no answer" : signals.dockerProblem())));
        }
        if (state == null) {
            return null;
        }
        List<Breach> breaches = new ArrayList<>();
        switch (rule.condition()) {
            case NODE_DOWN -> {
                for (SwarmNode node : state.nodes()) {
                    if (node.state() != NodeState.READY) {
                        breaches.add(new Breach(HistoryKind.NODE, node.hostname(), "node " + node.hostname() + " is " + node.state()
                                + (node.isManager() ? " (a manager)" : "")));
                    }
                }
            }
            case SERVICE_SHORT -> {
                for (SwarmService service : services(rule, state)) {
                    if (service.desiredReplicas() > 0 && service.runningReplicas() < service.desiredReplicas()) {
                        breaches.add(new Breach(HistoryKind.SERVICE, service.name(), "service " + service.name() + " runs "
                                + service.runningReplicas() + " of " + service.desiredReplicas() + " replicas"));
                    }
                }
            }
            case TASK_FAILURES -> {
                Instant from = signals.at().minus(rule.window());
                Map<String, List<SwarmTask>> failures = new TreeMap<>();
                for (SwarmTask task : state.tasks()) {
                    Instant when = time(task);
                    if (task.state() != null && task.state().isFailure() && when != null && !when.isBefore(from)
                            && task.serviceName() != null && (rule.service() == null || rule.service().equals(task.serviceName()))) {
                        failures.computeIfAbsent(task.serviceName(), s -> new ArrayList<>()).add(task);
                    }
                }
                failures.forEach((service, tasks) -> {
                    if (tasks.size() >= rule.threshold()) {
                        SwarmTask last = tasks.stream().max((a, b) -> time(a).compareTo(time(b))).orElseThrow();
                        breaches.add(new Breach(HistoryKind.SERVICE, service, tasks.size() + " tasks of " + service + " failed in the last "
                                + words(rule.window()) + (last.error() == null ? "" : "; the last: " + last.error())));
                    }
                });
            }
            case AUTOSCALER_AT_MAX -> {
                for (SwarmService service : services(rule, state)) {
                    Long max = signals.scalingMaxima().get(service.name());
                    if (max != null && service.desiredReplicas() >= max) {
                        breaches.add(new Breach(HistoryKind.SERVICE, service.name(), "the autoscaler holds " + service.name()
                                + " at its maximum of " + max + " replicas"));
                    }
                }
            }
            default -> throw new IllegalStateException("unknown condition " + rule.condition());
        }
        return breaches;
    }

    /** A window as a person says it: 90 s, 10 min, 2 h. */
    static String words(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static Instant time(SwarmTask task) {
        return task.updatedAt() != null ? task.updatedAt() : task.createdAt();
    }

    private static List<SwarmService> services(AlertRule rule, ClusterState state) {
        return state.services().stream().filter(s -> rule.service() == null || rule.service().equals(s.name())).toList();
    }
}
