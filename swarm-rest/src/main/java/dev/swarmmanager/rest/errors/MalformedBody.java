package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.Causes;
/** The message a client gets for a body it must fix: short, without our class names. */
final class MalformedBody {

    private MalformedBody() {
    }

    static String describe(Throwable e) {
        Throwable root = Causes.root(e);
        String detail = root.getMessage() == null ? "" : root.getMessage()
                .replaceAll("(?:[a-z]+\\.)+[A-Z]\\w*(\\$\\w+)?", "")
                .replaceAll("\\s+", " ").trim();
        return "the request body is not valid JSON for this endpoint" + (detail.isEmpty() ? "" : ": " + detail);
    }
}
