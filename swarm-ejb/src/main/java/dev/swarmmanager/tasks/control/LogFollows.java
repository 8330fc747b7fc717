package dev.swarmmanager.tasks.control;

import dev.swarmmanager.domain.LimitReachedException;
import dev.swarmmanager.docker.DockerSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many log follows are open: each holds a reader thread, a writer thread and an Engine connection (never a
 * request thread: the edges run the writer on a managed executor), so their number is bounded, overall
 * ({@code swarm.logs.max-follows}) and per user ({@code swarm.logs.max-follows-per-user}), so that one user's tabs
 * cannot take every place. Published as the gauge {@code swarm_log_follows}.
 */
@ApplicationScoped
public class LogFollows {

    @Inject
    @ConfigProperty(name = "swarm.logs.max-follows", defaultValue = "20")
    int max;

    @Inject
    @ConfigProperty(name = "swarm.logs.max-follows-per-user", defaultValue = "5")
    int maxPerUser;

    /** Each follow holds one of the Engine connections for as long as it lasts; the rest of the application needs some. */
    @Inject
    DockerSettings docker;

    private final AtomicInteger active = new AtomicInteger();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    /** The overall cap in force: the configured one, but never so many that follows take every Engine connection. */
    int cap() {
        return Math.max(1, Math.min(max, docker.maxConnections() - 10));
    }

    /** Takes a place for {@code user}; the returned action gives it back (once, however often it runs). */
    public Runnable take(String user) {
        AtomicInteger mine = perUser.computeIfAbsent(user, u -> new AtomicInteger());
        if (mine.incrementAndGet() > maxPerUser) {
            mine.decrementAndGet();
            throw new LimitReachedException("logs.per-user", maxPerUser);
        }
        int cap = cap();
        if (active.incrementAndGet() > cap) {
            active.decrementAndGet();
            mine.decrementAndGet();
            throw new LimitReachedException("logs.all", cap);
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                active.decrementAndGet();
                mine.decrementAndGet();
            }
        };
    }

    public int active() {
        return active.get();
    }
}
