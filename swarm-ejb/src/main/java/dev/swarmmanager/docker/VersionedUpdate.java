package dev.swarmmanager.docker;

import dev.swarmmanager.domain.ConcurrentUpdateException;

/**
 * Swarm refuses a write that quotes an outdated version index. Read, change, write, and on that refusal
 * do it again on a fresh read: two concurrent changes then both land instead of one silently erasing the other.
 */
public final class VersionedUpdate {

    static final int ATTEMPTS = 5;

    private VersionedUpdate() {
    }

    /** @param readModifyWrite reads the current object, changes it and writes it with the version it read */
    public static void retry(Runnable readModifyWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                readModifyWrite.run();
                return;
            } catch (ConcurrentUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
