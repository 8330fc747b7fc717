package dev.swarmmanager.rest.errors;

import dev.swarmmanager.domain.Phrase;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 400 for a request body that breaks its record's constraints (checked by Bean Validation before the resource method
 * runs, so before any role check or Engine call costs anything): each problem as the field's JSON name and what it
 * accepts ({@code replicas is required, for example 5}), in the order the record declares its fields; a missing body
 * says what to send.
 */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    /** Our constraints' messages: {@code {key}} of the API's message bundle, then {@code |} and the key's argument, if any. */
    private static final Pattern OURS = Pattern.compile("\\{([a-z][a-z0-9.-]*)}(?:\\|(.*))?", Pattern.DOTALL);

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        Locale language = ErrorResponses.language(headers);
        String message = e.getConstraintViolations().stream()
                .sorted(Comparator.comparingInt(ConstraintViolationMapper::order))
                .map(violation -> describe(violation, language))
                .distinct()
                .collect(Collectors.joining("; "));
        return ErrorResponses.of(400, message.isEmpty() ? Phrase.of("body.invalid").in(language) : message, language);
    }

    private static String describe(ConstraintViolation<?> violation, Locale language) {
        Path.Node leaf = leaf(violation);
        Matcher ours = OURS.matcher(violation.getMessageTemplate());
        // A constraint of the validator's own (none of ours so far) keeps the validator's words.
        String problem = !ours.matches() ? violation.getMessage()
                : (ours.group(2) == null ? Phrase.of(ours.group(1)) : Phrase.of(ours.group(1), ours.group(2))).in(language);
        return leaf != null && leaf.getKind() == ElementKind.PROPERTY ? jsonName(leaf.getName()) + " " + problem : problem;
    }

    /** The body itself first, then its fields as the record declares them. */
    private static int order(ConstraintViolation<?> violation) {
        Path.Node leaf = leaf(violation);
        Object bean = violation.getLeafBean();
        if (leaf == null || leaf.getKind() != ElementKind.PROPERTY || bean == null || !bean.getClass().isRecord()) {
            return -1;
        }
        List<String> fields = Arrays.stream(bean.getClass().getRecordComponents()).map(c -> c.getName()).toList();
        return fields.indexOf(leaf.getName());
    }

    private static Path.Node leaf(ConstraintViolation<?> violation) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
        }
        return last;
    }

    /** As the JSON mapping spells it: {@code stackName} is {@code stack_name}. */
    static String jsonName(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
