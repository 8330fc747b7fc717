package dev.swarmmanager.domain;

/**
 * Someone else changed the object between our read and our write (Swarm's "update out of sequence"):
 * the write was refused and can be retried on a fresh read.
 */
public class ConcurrentUpdateException extends OperationConflictException {

    public ConcurrentUpdateException(Phrase phrase, Throwable cause) {
        super(phrase, cause);
    }
}
