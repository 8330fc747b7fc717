package dev.swarmmanager.domain;

/** No node, service, task or stack answers to the name or ID given. */
public class ResourceNotFoundException extends SwarmException {

    private final String kind;
    private final String reference;

    public ResourceNotFoundException(String kind, String reference) {
        // The start of the name only: a reference can be kilobytes long, and the message must not echo it back.
        super(kind + " '" + (reference == null || reference.length() <= 64 ? reference : reference.substring(0, 64) + "…")
                + "' not found");
        this.kind = kind;
        this.reference = reference;
    }

    public String kind() {
        return kind;
    }

    public String reference() {
        return reference;
    }
}
