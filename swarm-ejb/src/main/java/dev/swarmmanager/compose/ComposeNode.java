package dev.swarmmanager.compose;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Phrase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of the parsed Compose file with the key path it stands at ({@code services.worker.deploy.replicas}),
 * so that every type error names where it is. Reads accept what the Compose schema accepts (a number or a
 * numeric string, a list or a map of labels, ...).
 */
public record ComposeNode(String document, String path, Object value) {

    /** The document a stack's nodes come from: the request's {@code stack_file}. */
    public static final String STACK_FILE = "stack_file";

    /** A node of a stack's file. */
    public ComposeNode(String path, Object value) {
        this(STACK_FILE, path, value);
    }

    public boolean isMissing() {
        return value == null;
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public boolean isList() {
        return value instanceof List<?>;
    }

    public ComposeNode get(String key) {
        return new ComposeNode(document, path.isEmpty() ? key : path + "." + key, isMap() ? ((Map<?, ?>) value).get(key) : null);
    }

    /** The keys of a mapping, in file order; a missing node has none. */
    public List<String> keys() {
        if (isMissing()) {
            return List.of();
        }
        if (!isMap()) {
            throw invalid("compose.mapping");
        }
        List<String> keys = new ArrayList<>();
        for (Object key : ((Map<?, ?>) value).keySet()) {
            keys.add(String.valueOf(key));
        }
        return keys;
    }

    public List<ComposeNode> items() {
        if (isMissing()) {
            return List.of();
        }
        if (!isList()) {
            throw invalid("compose.list");
        }
        List<ComposeNode> items = new ArrayList<>();
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
            items.add(new ComposeNode(document, path + "[" + i + "]", list.get(i)));
        }
        return items;
    }

    public String string() {
        if (isMissing()) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw invalid("compose.single-value");
        }
        return String.valueOf(value);
    }

    public String requiredString() {
        String s = string();
        if (s == null || s.isBlank()) {
            throw invalid("compose.required");
        }
        return s;
    }

    public Long longValue() {
        if (isMissing()) {
            return null;
        }
        if (value instanceof Number n && (n instanceof Integer || n instanceof Long)) {
            return n.longValue();
        }
        try {
            return Long.parseLong(string().trim());
        } catch (NumberFormatException e) {
            throw invalid("compose.whole-number", value);
        }
    }

    public Long nonNegative() {
        Long n = longValue();
        if (n != null && n < 0) {
            throw invalid("compose.negative", n);
        }
        return n;
    }

    public Double doubleValue() {
        if (isMissing()) {
            return null;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(string().trim());
        } catch (NumberFormatException e) {
            throw invalid("compose.number", value);
        }
    }

    public Boolean bool() {
        if (isMissing()) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (string().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid("compose.boolean", value);
        };
    }

    /** A string or a list of strings (command, entrypoint, dns...), as a list. */
    public List<String> stringOrList() {
        if (isMissing()) {
            return null;
        }
        if (isList()) {
            return items().stream().map(ComposeNode::string).toList();
        }
        return List.of(string());
    }

    /** A list of strings. */
    public List<String> strings() {
        return items().stream().map(ComposeNode::requiredString).toList();
    }

    /**
     * The two forms Compose allows for labels, environment and extra hosts: a mapping, or a list of
     * {@code key=value} (or {@code key:value} with {@code separator}).
     */
    public Map<String, String> keyValues(char separator) {
        Map<String, String> result = new LinkedHashMap<>();
        if (isMissing()) {
            return result;
        }
        if (isMap()) {
            for (String key : keys()) {
                Object v = ((Map<?, ?>) value).get(key);
                if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    throw get(key).invalid("compose.single-value");
                }
                result.put(key, v == null ? null : String.valueOf(v));
            }
            return result;
        }
        for (ComposeNode item : items()) {
            String entry = item.requiredString();
            int at = entry.indexOf(separator);
            result.put(at < 0 ? entry : entry.substring(0, at), at < 0 ? null : entry.substring(at + 1));
        }
        return result;
    }

    /** What is wrong with this node, as a key of the message bundle and its arguments (each shortened: never the whole input back). */
    public InvalidRequestException invalid(String key, Object... args) {
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = args[i] instanceof String text && text.length() > 200 ? text.substring(0, 200) + "…" : args[i];
        }
        return invalid(Phrase.of(key, shown));
    }

    public InvalidRequestException invalid(Phrase problem) {
        if (path.isEmpty()) {
            return new InvalidRequestException(null, Phrase.of("compose.document-problem", document, problem));
        }
        String where = path.length() <= 200 ? path : path.substring(0, 200) + "…";
        return new InvalidRequestException(null, Phrase.of("compose.at", document, where, problem));
    }
}
