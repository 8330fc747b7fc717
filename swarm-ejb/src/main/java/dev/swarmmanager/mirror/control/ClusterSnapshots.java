package dev.swarmmanager.mirror.control;

import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** The clusters managed now: a read that was under way when its cluster went is not kept, nor told of. */
    private final Set<String> managed = ConcurrentHashMap.newKeySet();

    /** What a cluster's refreshes hold while they read and publish. */
    public Object lock(String cluster) {
        return locks.computeIfAbsent(cluster, name -> new Object());
    }

    /** From now on the cluster's reads are kept (before its first read, as it is registered or found registered). */
    public void manage(String cluster) {
        managed.add(cluster);
    }

    public boolean isManaged(String cluster) {
        return managed.contains(cluster);
    }

    /**
     * Keeps the cluster's latest read, unless the cluster is no longer managed. The check is made inside the map's
     * update of that key, and {@link #forget} stops managing before it removes: a read that ends as its cluster goes
     * is either refused here or removed there, never left behind. (Its observers ask {@link #isManaged} too.)
     */
    public void put(String cluster, ClusterSnapshot snapshot) {
        last.compute(cluster, (name, previous) -> managed.contains(name) ? snapshot : previous);
    }

    public Optional<ClusterSnapshot> of(String cluster) {
        return Optional.ofNullable(last.get(cluster));
    }

    /** Forgets every cluster not in the list (unregistered ones). */
    public void keepOnly(Collection<String> clusters) {
        managed.retainAll(clusters);
        last.keySet().retainAll(clusters);
    }

    // The locks stay: a refresh may hold one while its cluster goes, and another refresh of it must still wait for it.
    public void forget(String cluster) {
        managed.remove(cluster);
        last.remove(cluster);
    }
}
