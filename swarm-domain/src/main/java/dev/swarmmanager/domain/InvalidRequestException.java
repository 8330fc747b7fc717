package dev.swarmmanager.domain;

/** The request itself is wrong (a value out of range, an unknown word) and nothing was changed. */
public class InvalidRequestException extends SwarmException {

    private final String field;
    private final Phrase problem;

    /** {@code field} is the request's own word (a JSON name, a query parameter) and is never translated. */
    public InvalidRequestException(String field, Phrase problem) {
        super(field == null ? problem : Phrase.of("request.field-problem", field, problem));
        this.field = field;
        this.problem = problem;
    }

    public InvalidRequestException(String field, String key, Object... args) {
        this(field, Phrase.of(key, args));
    }

    /** What is wrong, without the field's name. */
    public Phrase problem() {
        return problem;
    }

    /** The request field at fault, {@code null} when the problem is the request as a whole. */
    public String field() {
        return field;
    }
}
