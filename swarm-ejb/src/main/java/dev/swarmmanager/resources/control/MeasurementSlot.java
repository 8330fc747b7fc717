package dev.swarmmanager.resources.control;

import dev.swarmmanager.domain.LimitReachedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * One live measurement at a time in the whole server: each holds several Engine connections for a second or two,
 * which the mirror and the log follows share, and any signed-in user may ask for one. A second asker meanwhile gets
 * a 429 and tries again, rather than queueing requests on the Engine.
 */
@ApplicationScoped
public class MeasurementSlot {

    private final Semaphore slot = new Semaphore(1);

    public <T> T run(Supplier<T> measurement) {
        if (!slot.tryAcquire()) {
            throw new LimitReachedException("resources.measuring");
        }
        try {
            return measurement.get();
        } finally {
            slot.release();
        }
    }
}
