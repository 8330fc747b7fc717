package dev.swarmmanager.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import dev.swarmmanager.domain.Role;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The registered Swarm the current thread's Engine calls go to, when it is not the default one: a request under
 * {@code /api/clusters/{cluster}/swarm/...} sets it for the length of the request, and every call through the shared
 * {@link DockerConnection} (docker-java's and {@link EngineApi}'s alike) then travels over that cluster's transport.
 * Routing at the transport keeps every bean the same for every cluster, and a thread with no target (timers, the
 * event watch, the default routes) keeps reaching the default Engine.
 *
 * <p>Work handed to another thread does not inherit the target: it takes it along with {@link #carry}.
 *
 * @param cluster   the registered name
 * @param host      its Docker host, for the errors that name it
 * @param transport its own connection pool
 * @param ceiling   the highest role the caller has on this cluster when its own group mapping narrows the server's
 *                  ({@code dev.swarmmanager.security.ClusterRoles}); {@code null} when it does not
 */
public record EngineTarget(String cluster, String host, DockerHttpClient transport, Role ceiling) {

    public EngineTarget(String cluster, String host, DockerHttpClient transport) {
        this(cluster, host, transport, null);
    }

    /** This target for a caller whose roles on it stop at {@code role}. */
    public EngineTarget narrowedTo(Role role) {
        return new EngineTarget(cluster, host, transport, role);
    }

    private static final ThreadLocal<EngineTarget> CURRENT = new ThreadLocal<>();

    /** The target of this thread's calls; empty for the default cluster. */
    public static Optional<EngineTarget> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The name of the cluster this thread's calls reach ({@code default} when none is set). */
    public static String clusterName() {
        EngineTarget target = CURRENT.get();
        return target == null ? "default" : target.cluster();
    }

    /**
     * Sends this thread's Engine calls to this cluster until the scope is closed, which restores what was before.
     */
    public Scope enter() {
        EngineTarget before = CURRENT.get();
        CURRENT.set(this);
        return () -> restore(before);
    }

    /**
     * Sends this thread's Engine calls to the default cluster until the scope is closed: for what belongs to the server
     * (or to its own Swarm) inside work on another cluster.
     */
    public static Scope home() {
        EngineTarget before = CURRENT.get();
        CURRENT.remove();
        return () -> restore(before);
    }

    /** Wraps work for another thread so that it reaches the cluster this thread reaches now. */
    public static <T> Callable<T> carry(Callable<T> work) {
        EngineTarget target = CURRENT.get();
        if (target == null) {
            return () -> {
                EngineTarget before = CURRENT.get();
                CURRENT.remove();
                try {
                    return work.call();
                } finally {
                    restore(before);
                }
            };
        }
        return () -> {
            try (Scope ignored = target.enter()) {
                return work.call();
            }
        };
    }

    /** {@link #carry(Callable)} for a runnable. */
    public static Runnable carry(Runnable work) {
        Callable<Void> carried = carry(() -> {
            work.run();
            return null;
        });
        return () -> {
            try {
                carried.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static void restore(EngineTarget before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }

    /** Ends a target's scope; closing never throws. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public String toString() {
        return "EngineTarget[" + cluster + " at " + host + (ceiling == null ? "" : ", up to " + ceiling) + "]";
    }
}
