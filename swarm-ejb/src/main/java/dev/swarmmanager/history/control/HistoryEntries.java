package dev.swarmmanager.history.control;

import dev.swarmmanager.domain.ChangeAction;
import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.domain.ClusterChanged;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.HistoryEvent;
import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The history's entries for the changes of one refresh: each said in one line, as a person would. Pure. */
public final class HistoryEntries {

    static final int MAX_SUMMARY = 1000;

    private HistoryEntries() {
    }

    /**
     * The {@code seen} entries that no entry of {@code kept} already says: the same object, action and summary, at
     * most {@code tolerance} apart (each instance stamps a change when it sees it). Each kept entry accounts for one
     * seen entry only, the nearest in time, so that a task that went to running twice within the tolerance is kept
     * twice.
     */
    public static List<HistoryEvent> notAmong(List<HistoryEvent> seen, List<HistoryEvent> kept, Duration tolerance) {
        Map<List<Object>, List<HistoryEvent>> unmatched = new HashMap<>();
        kept.forEach(k -> unmatched.computeIfAbsent(sameness(k), key -> new ArrayList<>()).add(k));
        List<HistoryEvent> missing = new ArrayList<>();
        for (HistoryEvent entry : seen) {
            List<HistoryEvent> candidates = unmatched.getOrDefault(sameness(entry), List.of());
            HistoryEvent nearest = null;
            Duration nearestGap = null;
            for (HistoryEvent candidate : candidates) {
                Duration gap = Duration.between(candidate.time(), entry.time()).abs();
                if (gap.compareTo(tolerance) <= 0 && (nearestGap == null || gap.compareTo(nearestGap) < 0)) {
                    nearest = candidate;
                    nearestGap = gap;
                }
            }
            if (nearest == null) {
                missing.add(entry);
            } else {
                candidates.remove(nearest);
            }
        }
        return missing;
    }

    /** What two instances' entries for one change have in common: all but the time they saw it. */
    private static List<Object> sameness(HistoryEvent e) {
        return Arrays.asList(e.cluster(), e.kind(), e.action(), e.objectId(), e.summary());
    }

    public static List<HistoryEvent> of(ClusterChanged changed) {
        Map<String, SwarmService> services = new HashMap<>();
        changed.state().services().forEach(s -> services.put(s.id(), s));
        List<HistoryEvent> entries = new ArrayList<>();
        for (ClusterChange change : changed.changes()) {
            if (!change.type().isOfTheCluster()) {
                continue;
            }
            String action = change.action().toString();
            Object data = change.data();
            HistoryEvent entry = null;
            if (data instanceof SwarmNode node) {
                entry = event(changed, HistoryKind.NODE, action, node.id(), node.hostname(), null, null, node(node, change.action()));
            } else if (data instanceof SwarmService service) {
                entry = event(changed, HistoryKind.SERVICE, action, service.id(), service.name(), service.name(), service.stack(),
                        service(service, change.action()));
            } else if (data instanceof SwarmTask task) {
                SwarmService service = services.get(task.serviceId());
                entry = event(changed, HistoryKind.TASK, action, task.id(), task.name(), task.serviceName(),
                        service == null ? null : service.stack(), task(task, change.action()));
            } else if (data instanceof HealthStatus health) {
                entry = event(changed, HistoryKind.HEALTH, action, null, "cluster", null, null, health(health));
            }
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static HistoryEvent event(ClusterChanged changed, HistoryKind kind, String action, String id, String name,
                                      String service, String stack, String summary) {
        String line = summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY - 1) + "…" : summary;
        return new HistoryEvent(0, changed.at(), kind, action, id, name, service, stack, line, changed.cluster());
    }

    static String node(SwarmNode node, ChangeAction action) {
        return switch (action) {
            case CREATED -> "node " + node.hostname() + " joined as a " + node.role() + " (" + node.state() + ")";
            case REMOVED -> "node " + node.hostname() + " left the Swarm";
            default -> "node " + node.hostname() + ": " + node.role() + ", " + node.availability() + ", " + node.state()
                    + (node.managerStatus() == null ? "" : ", manager " + node.managerStatus());
        };
    }

    static String service(SwarmService service, ChangeAction action) {
        String replicas = service.runningReplicas() + "/" + service.desiredReplicas() + " running";
        return switch (action) {
            case CREATED -> "service " + service.name() + " created: " + service.image() + ", " + service.mode() + ", " + replicas;
            case REMOVED -> "service " + service.name() + " removed";
            default -> "service " + service.name() + ": " + service.image() + ", " + replicas
                    + (service.updateStatus() == null || service.updateStatus().state() == null ? ""
                    : ", update " + service.updateStatus().state());
        };
    }

    static String task(SwarmTask task, ChangeAction action) {
        String where = task.nodeHostname() == null ? "" : " on " + task.nodeHostname();
        return switch (action) {
            case REMOVED -> "task " + task.name() + where + " removed";
            default -> "task " + task.name() + where + ": " + task.state() + " (desired " + task.desiredState() + ")"
                    + (task.error() == null ? "" : ": " + task.error());
        };
    }

    static String health(HealthStatus health) {
        return "cluster health " + health.overallHealth() + (health.reasons().isEmpty() ? "" : ": " + String.join("; ", health.reasons()));
    }
}
