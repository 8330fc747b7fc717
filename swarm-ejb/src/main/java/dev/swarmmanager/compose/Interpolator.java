package dev.swarmmanager.compose;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Phrase;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose variable substitution: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} (unset or empty),
 * {@code ${VAR-default}} (unset), {@code ${VAR:?message}} and {@code ${VAR?message}} (required), {@code $$}
 * for a literal dollar. Values come from the caller only: the server's own environment is never read, so a
 * Compose file cannot exfiltrate it.
 */
public final class Interpolator {

    private static final Pattern VARIABLE = Pattern.compile(
            // Possessive quantifiers: a long default value must not recurse once per character (a stack overflow).
            "\\$(?:(\\$)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}$]++|\\$\\{[^}]*+\\}|\\$(?!\\{))*+))?\\}|([A-Za-z_][A-Za-z0-9_]*)|(\\{[^}]*+\\}?))");
    /** Defaults may hold variables whose defaults hold variables: a few levels, never a recursion without end. */
    static final int MAX_DEPTH = 10;

    private final String document;
    private final Map<String, String> variables;
    private final List<String> warnings;

    /** @param warnings where unset variables are reported (they become empty strings, as the CLI does) */
    public Interpolator(Map<String, String> variables, List<String> warnings) {
        this(ComposeNode.STACK_FILE, variables, warnings);
    }

    /** @param document the request's field the text comes from, for messages */
    Interpolator(String document, Map<String, String> variables, List<String> warnings) {
        this.document = document;
        this.variables = variables;
        this.warnings = warnings;
    }

    /** @param path where the text stands in the file, for messages */
    public String interpolate(String text, String path) {
        return interpolate(text, path, 0);
    }

    /**
     * @param depth 0 for a value of the file; above 0 for a default inside one, where (as the docker CLI keeps a default
     *              as written) only nested {@code ${...}} references are replaced, and {@code $$}, {@code $NAME} and any
     *              other {@code $} stay as they are: a bcrypt hash as a default ({@code $2b$10$N9qo...}) comes out whole
     */
    private String interpolate(String text, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidRequestException(null, "compose.defaults-depth", document, path, MAX_DEPTH);
        }
        if (text.indexOf('$') < 0) {
            return text;
        }
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (depth > 0 && (m.group(1) != null || m.group(5) != null)) {
                replacement = m.group();
            } else if (m.group(1) != null) {
                replacement = "$";
            } else if (m.group(6) != null) {
                throw new InvalidRequestException(null, "compose.variable-reference", document, path, m.group());
            } else {
                String name = m.group(2) != null ? m.group(2) : m.group(5);
                replacement = resolve(name, m.group(3), m.group(4), path, depth);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String resolve(String name, String operator, String argument, String path, int depth) {
        String value = variables.get(name);
        if (operator == null) {
            if (value == null) {
                warnings.add("variable " + name + " is not set (used in " + path + "): an empty string was substituted");
                return "";
            }
            return value;
        }
        boolean emptyCounts = operator.startsWith(":");
        boolean missing = value == null || (emptyCounts && value.isEmpty());
        if (operator.endsWith("-")) {
            return missing ? interpolate(argument, path, depth + 1) : value;
        }
        if (missing) {
            Phrase state = Phrase.of(value == null ? "compose.variable-unset" : "compose.variable-empty");
            throw new InvalidRequestException(null, argument == null || argument.isEmpty()
                    ? Phrase.of("compose.variable-needed", document, path, name, state)
                    : Phrase.of("compose.variable-needed-why", document, path, name, state, argument));
        }
        return value;
    }
}
