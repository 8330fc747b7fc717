package dev.swarmmanager.domain;

import java.util.Locale;

/**
 * The root of the few failures a caller must tell apart. Each maps to one reaction: fix the request, pick
 * something that exists, resolve the conflict, or wait for Docker. Unchecked, because no layer between
 * the EJB and the edge that renders them can do anything useful with them.
 *
 * <p>What went wrong is a {@link Phrase}: {@link #getMessage()} is its English sentence (for logs and the audit
 * log), {@link #messageIn(Locale)} the sentence the user reads.
 */
public abstract class SwarmException extends RuntimeException {

    private final Phrase phrase;

    protected SwarmException(Phrase phrase) {
        super(phrase.toString());
        this.phrase = phrase;
    }

    protected SwarmException(Phrase phrase, Throwable cause) {
        super(phrase.toString(), cause);
        this.phrase = phrase;
    }

    public Phrase phrase() {
        return phrase;
    }

    /** The message in the reader's language (English when we do not speak it). */
    public String messageIn(Locale language) {
        return phrase.in(language);
    }
}
