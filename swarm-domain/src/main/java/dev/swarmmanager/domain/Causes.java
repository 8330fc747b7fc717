package dev.swarmmanager.domain;

import java.util.Optional;

/**
 * A failure's chain of causes, walked in one place: what happened at the bottom (the message a client can act on),
 * or whether a given kind of failure is somewhere in it. Safe against a cause that is its own cause.
 */
public final class Causes {

    private Causes() {
    }

    /** The deepest cause: {@code failure} itself when it has none. */
    public static Throwable root(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The first failure of {@code type} in the chain, {@code failure} included. */
    public static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
