package dev.swarmmanager.domain;

/** The request itself is wrong (a value out of range, an unknown word) and nothing was changed. */
public class InvalidRequestException extends SwarmException {

    private final String field;

    public InvalidRequestException(String field, String problem) {
        super(field == null ? problem : field + " " + problem);
        this.field = field;
    }

    /** The request field at fault, {@code null} when the problem is the request as a whole. */
    public String field() {
        return field;
    }
}
