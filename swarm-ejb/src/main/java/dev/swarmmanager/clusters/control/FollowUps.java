package dev.swarmmanager.clusters.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.events.boundary.ClusterWatch;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which services of each registered cluster changed and have not settled yet. The Engine sends no event when a task
 * changes state on another node, so while such a service is still starting its cluster is read again after growing
 * pauses, as the default cluster's watch does. Each service is counted on its own from its last event and given up
 * on after {@link ClusterWatch#MAX_FOLLOW_UPS} re-reads: a service that can never start (no node it may run on) is
 * not waited for again at every other change in its cluster, however busy that is.
 */
public final class FollowUps {

    /** What a node's event is about: it may move the tasks of any service. */
    static final String EVERY_SERVICE = "*";

    /** Per cluster, each followed service's ID and the re-reads made since its last event. */
    private final Map<String, Map<String, Integer>> changing = new ConcurrentHashMap<>();

    /** An event of the cluster: the service it names is followed from its first re-read again. */
    public void changed(String cluster, JsonNode event) {
        String service = serviceOf(event);
        if (service != null) {
            changing.computeIfAbsent(cluster, name -> new ConcurrentHashMap<>()).put(service, 0);
        }
    }

    /**
     * After a whole read of the cluster: the pause before the next (the pace of the most recently changed service),
     * or none when nothing followed is still unsettled. A stale read (the Engine away) follows nothing up, and
     * counts for nothing: the broken event stream brings a read of its own when the Engine is back, which goes on.
     */
    public OptionalLong afterRead(String cluster, ClusterState state, boolean stale) {
        Map<String, Integer> followed = changing.get(cluster);
        if (followed == null) {
            return OptionalLong.empty();
        }
        if (stale) {
            return OptionalLong.empty();
        }
        boolean allSettled = state.services().stream().allMatch(s -> state.isSettled(s.id()));
        for (String service : followed.keySet()) {
            boolean settled = service.equals(EVERY_SERVICE) ? allSettled : state.isSettled(service);
            // Inside the map's update of that key: an event for it meanwhile either comes before (counted from
            // zero again) or after (puts it back), never lost.
            followed.computeIfPresent(service, (id, reads) -> settled || reads + 1 > ClusterWatch.MAX_FOLLOW_UPS ? null : reads + 1);
        }
        return followed.values().stream().mapToInt(Integer::intValue).min()
                .stream().mapToLong(ClusterWatch::followUpDelayMillis).findFirst();
    }

    public void forget(String cluster) {
        changing.remove(cluster);
    }

    /**
     * The ID of the service an event is about: the service's own, or the one a task's container belongs to; a node's
     * is about {@link #EVERY_SERVICE}; null for the rest (networks, secrets, a container of no service).
     */
    static String serviceOf(JsonNode event) {
        JsonNode actor = event.path("Actor");
        String id = switch (event.path("Type").asText()) {
            case "service" -> actor.path("ID").asText("");
            case "container" -> actor.path("Attributes").path(ClusterWatch.SERVICE_LABEL).asText("");
            case "node" -> EVERY_SERVICE;
            default -> "";
        };
        return id.isEmpty() ? null : id;
    }
}
