package dev.swarmmanager.domain;

/** A notification could not be delivered: the receiver (a webhook, the SMTP server) refused it or did not answer. */
public class DeliveryFailedException extends SwarmException {

    public DeliveryFailedException(String key, Object... args) {
        super(Phrase.of(key, args));
    }
}
