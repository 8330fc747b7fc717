package dev.swarmmanager.clusters.boundary;

import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.RegisteredCluster;

/**
 * Where a request under {@code /api/clusters/{cluster}/swarm/...} works: entered for the length of the request, it
 * sends every Engine call the request makes to that cluster, and keeps the default cluster's mirror out of it.
 */
public final class ClusterRoute {

    /** The server's own Swarm: nothing changes. */
    public static final ClusterRoute DEFAULT = new ClusterRoute(null);

    private final EngineTarget target;

    ClusterRoute(EngineTarget target) {
        this.target = target;
    }

    public String cluster() {
        return target == null ? RegisteredCluster.DEFAULT : target.cluster();
    }

    public boolean isDefault() {
        return target == null;
    }

    /** Works on this cluster on the current thread until the scope is closed. */
    public Scope enter() {
        if (target == null) {
            return () -> { };
        }
        EngineTarget.Scope scope = target.enter();
        return scope::close;
    }

    /** The length of a request's work on a cluster; closing never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
