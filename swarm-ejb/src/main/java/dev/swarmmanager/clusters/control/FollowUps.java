package dev.swarmmanager.clusters.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.events.boundary.ClusterWatch;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which services of each registered cluster changed and have not settled yet. The Engine sends no event when a task
 * changes state on another node, so while such a service is still starting its cluster is read again after growing
 * pauses, as the default cluster's watch does. Each service is counted on its own from its last event and given up
 * on after {@link ClusterWatch#MAX_FOLLOW_UPS} re-reads: a service that can never start (no node it may run on) is
 * not waited for again at every other change in its cluster, however busy that is.
 */
public final class FollowUps {

    /** What a node's event is about when its cluster has not been read yet: it may move the tasks of any service. */
    static final String EVERY_SERVICE = "*";

    /** When a service's last event came ({@link System#nanoTime()}), and the re-reads made since. */
    private record Followed(long changedAt, int reads) {
    }

    /** Per cluster, each followed service's ID. */
    private final Map<String, Map<String, Followed>> changing = new ConcurrentHashMap<>();

    /**
     * An event of the cluster: the services it is about are followed from their first re-read again. A node's is
     * about the services with tasks there (as {@code known}, the cluster's last read, says), as on the default cluster.
     */
    public void changed(String cluster, JsonNode event, ClusterState known) {
        Set<String> services = servicesOf(event, known);
        if (!services.isEmpty()) {
            Map<String, Followed> followed = changing.computeIfAbsent(cluster, name -> new ConcurrentHashMap<>());
            Followed fresh = new Followed(System.nanoTime(), 0);
            services.forEach(service -> followed.put(service, fresh));
        }
    }

    /**
     * After a whole read of the cluster, begun at {@code readStarted} ({@link System#nanoTime()}): the pause before the
     * next (the pace of the most recently changed service), or none when nothing followed is still unsettled. A
     * service whose event came after the read began is judged by the next one. A stale read (the Engine away) follows
     * nothing up, and counts for nothing: the broken event stream brings a read of its own when the Engine is back.
     */
    public OptionalLong afterRead(String cluster, long readStarted, ClusterState state, boolean stale) {
        Map<String, Followed> followed = changing.get(cluster);
        if (followed == null || stale) {
            return OptionalLong.empty();
        }
        boolean allSettled = state.services().stream().allMatch(s -> state.isSettled(s.id()));
        for (String service : followed.keySet()) {
            boolean settled = service.equals(EVERY_SERVICE) ? allSettled : state.isSettled(service);
            followed.computeIfPresent(service, (id, f) -> f.changedAt() - readStarted > 0 ? f
                    : settled || f.reads() + 1 > ClusterWatch.MAX_FOLLOW_UPS ? null : new Followed(f.changedAt(), f.reads() + 1));
        }
        return followed.values().stream().mapToInt(Followed::reads).min()
                .stream().mapToLong(reads -> ClusterWatch.followUpDelayMillis(Math.max(1, reads))).findFirst();
    }

    public void forget(String cluster) {
        changing.remove(cluster);
    }

    /**
     * The IDs of the services an event is about: the service's own, the one a task's container belongs to, or those
     * with tasks on a node that changed; none for the rest (networks, secrets, a container of no service).
     */
    static Set<String> servicesOf(JsonNode event, ClusterState known) {
        JsonNode actor = event.path("Actor");
        return switch (event.path("Type").asText()) {
            case "service" -> one(actor.path("ID").asText(""));
            case "container" -> one(actor.path("Attributes").path(ClusterWatch.SERVICE_LABEL).asText(""));
            case "node" -> known == null ? Set.of(EVERY_SERVICE) : known.servicesAffectedBy(actor.path("ID").asText());
            default -> Set.of();
        };
    }

    private static Set<String> one(String id) {
        return id.isEmpty() ? Set.of() : Set.of(id);
    }
}
