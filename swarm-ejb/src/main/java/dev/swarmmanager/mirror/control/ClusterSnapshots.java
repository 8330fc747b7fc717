package dev.swarmmanager.mirror.control;

import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mirror of each registered (non-default) cluster: its last snapshot, kept up to date by its checks, its event
 * watch and the writes made under its routes ({@code ClusterMirror} does the reading), and a lock of its own, so that
 * refreshes of one cluster take turns without waiting for another's Engine.
 */
@ApplicationScoped
public class ClusterSnapshots {

    private final Map<String, ClusterSnapshot> last = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /** What a cluster's refreshes hold while they read and publish. */
    public Object lock(String cluster) {
        return locks.computeIfAbsent(cluster, name -> new Object());
    }

    public void put(String cluster, ClusterSnapshot snapshot) {
        last.put(cluster, snapshot);
    }

    public Optional<ClusterSnapshot> of(String cluster) {
        return Optional.ofNullable(last.get(cluster));
    }

    /** Forgets every cluster not in the list (unregistered ones). */
    public void keepOnly(Collection<String> clusters) {
        last.keySet().retainAll(clusters);
    }

    // The locks stay: a refresh may hold one while its cluster goes, and another refresh of it must still wait for it.
    public void forget(String cluster) {
        last.remove(cluster);
    }
}
