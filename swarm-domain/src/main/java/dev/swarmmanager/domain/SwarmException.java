package dev.swarmmanager.domain;

/**
 * The root of the few failures a caller must tell apart. Each maps to one reaction: fix the request, pick
 * something that exists, resolve the conflict, or wait for Docker. Unchecked, because no layer between
 * the EJB and the edge that renders them can do anything useful with them.
 */
public abstract class SwarmException extends RuntimeException {

    protected SwarmException(String message) {
        super(message);
    }

    protected SwarmException(String message, Throwable cause) {
        super(message, cause);
    }
}
