package dev.swarmmanager.domain;

/** A limit that protects the server or Docker is reached (too many log follows at once): try again later. */
public class LimitReachedException extends SwarmException {

    public LimitReachedException(String key, Object... args) {
        super(Phrase.of(key, args));
    }
}
