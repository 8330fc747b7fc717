package dev.swarmmanager.domain;

/**
 * The request is valid but the cluster's current state forbids it: removing the last manager, scaling a
 * global service, initialising a Swarm that exists, or a change another client made first.
 */
public class OperationConflictException extends SwarmException {

    public OperationConflictException(String message) {
        super(message);
    }

    public OperationConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
