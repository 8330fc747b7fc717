package dev.swarmmanager.domain;

/** No node, service, task or stack answers to the name or ID given. */
public class ResourceNotFoundException extends SwarmException {

    private final String kind;
    private final String reference;

    /**
     * @param kind what was looked for, in the words of {@code kind.*} in the message bundle ("service", "stack version")
     */
    public ResourceNotFoundException(String kind, String reference) {
        // The start of the name only: a reference can be kilobytes long, and the message must not echo it back.
        super(Phrase.of("lookup.not-found", kind(kind),
                reference == null || reference.length() <= 64 ? reference : reference.substring(0, 64) + "…"));
        this.kind = kind;
        this.reference = reference;
    }

    /** The kind of object as a word of the bundle: {@code "stack version"} is {@code kind.stack-version}. */
    public static Phrase kind(String kind) {
        return Phrase.of("kind." + kind.replace(' ', '-'));
    }

    public String kind() {
        return kind;
    }

    public String reference() {
        return reference;
    }
}
