package dev.swarmmanager.domain;

/**
 * The request is valid but the cluster's current state forbids it: removing the last manager, scaling a
 * global service, initialising a Swarm that exists, or a change another client made first.
 */
public class OperationConflictException extends SwarmException {

    public OperationConflictException(String key, Object... args) {
        super(Phrase.of(key, args));
    }

    public OperationConflictException(Phrase phrase) {
        super(phrase);
    }

    public OperationConflictException(Phrase phrase, Throwable cause) {
        super(phrase, cause);
    }
}
