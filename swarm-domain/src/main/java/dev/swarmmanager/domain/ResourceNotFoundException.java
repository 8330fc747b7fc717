package dev.swarmmanager.domain;

/** No node, service, task or stack answers to the name or ID given. */
public class ResourceNotFoundException extends SwarmException {

    private final String kind;
    private final String reference;

    public ResourceNotFoundException(String kind, String reference) {
        super(kind + " '" + reference + "' not found");
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
