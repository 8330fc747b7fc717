package dev.swarmmanager.events.control;

import dev.swarmmanager.domain.ChangeAction;
import dev.swarmmanager.domain.ChangeType;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.ClusterState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/** What changed between two reads of the cluster, as typed changes without IDs yet. Pure. */
public final class ChangeDetector {

    /** A change before the feed numbers it. */
    public record Change(ChangeType type, ChangeAction action, String reference, Object data) {
    }

    private ChangeDetector() {
    }

    public static List<Change> between(ClusterState before, HealthStatus healthBefore, ClusterState after, HealthStatus healthAfter) {
        List<Change> changes = new ArrayList<>();
        diff(ChangeType.NODE, before.nodes(), after.nodes(), SwarmNode::id,
                (a, b) -> a.state() == b.state() && a.availability() == b.availability() && a.role() == b.role()
                        && a.managerStatus() == b.managerStatus() && a.version() == b.version(), changes);
        diff(ChangeType.SERVICE, before.services(), after.services(), SwarmService::id,
                (a, b) -> a.version() == b.version() && a.runningReplicas() == b.runningReplicas()
                        && a.desiredReplicas() == b.desiredReplicas(), changes);
        diff(ChangeType.TASK, before.tasks(), after.tasks(), SwarmTask::id,
                (a, b) -> a.state() == b.state() && a.desiredState() == b.desiredState(), changes);
        if (healthBefore == null || healthBefore.overallHealth() != healthAfter.overallHealth()
                || !healthBefore.reasons().equals(healthAfter.reasons()) || healthBefore.stale() != healthAfter.stale()) {
            changes.add(new Change(ChangeType.HEALTH, ChangeAction.UPDATED, null, healthAfter));
        }
        return changes;
    }

    private static <T> void diff(ChangeType type, List<T> before, List<T> after, Function<T, String> id,
                                 BiPredicate<T, T> same, List<Change> changes) {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(o -> old.put(id.apply(o), o));
        for (T now : after) {
            T was = old.remove(id.apply(now));
            if (was == null) {
                changes.add(new Change(type, ChangeAction.CREATED, id.apply(now), now));
            } else if (!same.test(was, now)) {
                changes.add(new Change(type, ChangeAction.UPDATED, id.apply(now), now));
            }
        }
        old.values().forEach(gone -> changes.add(new Change(type, ChangeAction.REMOVED, id.apply(gone), gone)));
    }

}
