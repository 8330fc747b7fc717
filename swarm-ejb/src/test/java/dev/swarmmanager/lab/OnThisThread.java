package dev.swarmmanager.lab;

import dev.swarmmanager.docker.EngineCall;
import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * What the beans did on the calling thread: the Engine calls they made and the snapshots the mirror published. In the
 * container the event watch and the timers call the Engine too, on their own threads; a test that counts what one call
 * costs counts on its own thread only (a bean called from a test runs on the test's thread, as it does on a request's).
 */
@ApplicationScoped
public class OnThisThread {

    private final ThreadLocal<long[]> engineCalls = ThreadLocal.withInitial(() -> new long[1]);
    private final ThreadLocal<long[]> snapshots = ThreadLocal.withInitial(() -> new long[1]);

    void called(@Observes EngineCall call) {
        engineCalls.get()[0]++;
    }

    void published(@Observes ClusterSnapshot snapshot) {
        snapshots.get()[0]++;
    }

    public long engineCalls() {
        return engineCalls.get()[0];
    }

    public long snapshots() {
        return snapshots.get()[0];
    }
}
