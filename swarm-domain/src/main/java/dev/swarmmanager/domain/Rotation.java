package dev.swarmmanager.domain;

import java.util.List;

/**
 * A secret or config rotated: its next version made, every service that used the old one moved to it (at the same
 * path in the container, each by a rolling update), and the old one removed once none used it.
 *
 * @param moved      the services now on the new version
 * @param oldRemoved false when the old version is still there (a service outside this rotation uses it)
 */
public record Rotation(FileKind kind, String from, String to, List<String> moved, boolean oldRemoved) {

    public Rotation {
        moved = List.copyOf(moved);
    }
}
