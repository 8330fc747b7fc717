package dev.swarmmanager.tasks.control;

import dev.swarmmanager.domain.LimitReachedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many log follows are open: each holds a request thread, a reader thread and an Engine connection, so their
 * number is bounded ({@code swarm.logs.max-follows}). Published as the gauge {@code swarm_log_follows}.
 */
@ApplicationScoped
public class LogFollows {

    @Inject
    @ConfigProperty(name = "swarm.logs.max-follows", defaultValue = "20")
    int max;

    private final AtomicInteger active = new AtomicInteger();

    /** Takes a place; the returned action gives it back (once, however often it runs). */
    public Runnable take() {
        if (active.incrementAndGet() > max) {
            active.decrementAndGet();
            throw new LimitReachedException("already " + max + " log follows open (swarm.logs.max-follows): try again later");
        }
        AtomicBoolean given = new AtomicBoolean();
        return () -> {
            if (given.compareAndSet(false, true)) {
                active.decrementAndGet();
            }
        };
    }

    public int active() {
        return active.get();
    }
}
