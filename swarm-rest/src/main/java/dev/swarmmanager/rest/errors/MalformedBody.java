package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.Causes;
import dev.swarmmanager.domain.Phrase;

/** The message a client gets for a body it must fix: short, without our class names. */
final class MalformedBody {

    private MalformedBody() {
    }

    static Phrase describe(Throwable e) {
        Throwable root = Causes.root(e);
        String detail = root.getMessage() == null ? "" : root.getMessage()
                .replaceAll("(?:[a-z]+\\.)+[A-Z]\\w*(\\$\\w+)?", "")
                .replaceAll("\\s+", " ").trim();
        // The parser's own words, in English: what it found where is more use than a translation of the gist.
        return detail.isEmpty() ? Phrase.of("body.not-json") : Phrase.of("body.not-json-detail", detail);
    }
}
