package dev.swarmmanager.domain;

/** A notification could not be delivered: the receiver (a webhook, the SMTP server) refused it or did not answer. */
public class DeliveryFailedException extends SwarmException {

    public DeliveryFailedException(String message) {
        super(message);
    }
}
