package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A secret or config rotated: its next version made, every service that used the old one moved to it (at the same
 * path in the container, each by a rolling update), and the old one removed once those updates have completed and
 * nothing uses it. The removal waits on its own, not in the request that rotated: until then the rotation is
 * {@link OldVersion#WAITING} and says which services are still updating.
 *
 * @param moved      the services now on the new version
 * @param updating   of those, the ones whose rolling update was still going at the last look
 * @param oldRemoved whether the old version is gone
 * @param detail     why the old version was kept, {@code null} otherwise
 */
public record Rotation(FileKind kind, String from, String to, List<String> moved, boolean oldRemoved, OldVersion oldVersion,
                       List<String> updating, String detail) implements Serializable {

    /** What became of the old version. */
    public enum OldVersion {
        /** Waiting for the moved services' rolling updates: a failing one rolls back to it. */
        WAITING,
        REMOVED,
        /** Left in place, as {@code detail} says: a service paused or rolled back, still used, or the wait ran out. */
        KEPT;

        @Override
        public String toString() {
            return WireName.of(this);
        }
    }

    public Rotation {
        moved = List.copyOf(moved);
        updating = List.copyOf(updating);
        if (oldRemoved != (oldVersion == OldVersion.REMOVED)) {
            throw new IllegalArgumentException("old_removed must say what old_version says");
        }
    }

    /** Just done: every moved service's update starts rolling. */
    public static Rotation started(FileKind kind, String from, String to, List<String> moved) {
        return new Rotation(kind, from, to, moved, false, OldVersion.WAITING, moved, null);
    }

    public Rotation stillUpdating(List<String> services) {
        return new Rotation(kind, from, to, moved, false, OldVersion.WAITING, services, null);
    }

    public Rotation removed() {
        return new Rotation(kind, from, to, moved, true, OldVersion.REMOVED, List.of(), null);
    }

    public Rotation kept(String why) {
        return new Rotation(kind, from, to, moved, false, OldVersion.KEPT, updating, why);
    }

    public boolean settled() {
        return oldVersion != OldVersion.WAITING;
    }
}
