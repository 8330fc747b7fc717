package dev.swarmmanager.domain;

/** The two kinds of file Swarm gives a service's tasks: secrets (never read back) and configs (readable). */
public enum FileKind {
    SECRET, CONFIG;

    @Override
    public String toString() {
        return WireName.of(this);
    }

    /** The Engine's collection: {@code secrets} or {@code configs}. */
    public String plural() {
        return this == SECRET ? "secrets" : "configs";
    }

    /** "secret" in the reader's language. */
    public Phrase noun() {
        return ResourceNotFoundException.kind(toString());
    }

    /** "secrets" in the reader's language. */
    public Phrase nouns() {
        return ResourceNotFoundException.kind(plural());
    }
}
