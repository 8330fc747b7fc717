package dev.swarmmanager.compose;

import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Phrase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a Compose file: YAML with safe types only and bounded aliases (no billion laughs), a 3.x version,
 * known top-level keys, and every string value interpolated. Errors name the line or the key path.
 */
public final class ComposeLoader {

    static final Set<String> TOP_LEVEL = Set.of("version", "services", "networks", "volumes", "secrets", "configs", "name");
    private static final int MAX_FILE = 1 << 20;

    private ComposeLoader() {
    }

    /** @param warnings receives what is tolerated but not applied */
    public static ComposeNode load(String yaml, Map<String, String> variables, List<String> warnings) {
        String document = ComposeNode.STACK_FILE;
        Object parsed = parse(document, yaml, Phrase.of("compose.expected-file"));
        if (!(parsed instanceof Map<?, ?>)) {
            throw new InvalidRequestException(null, "compose.file-mapping", document);
        }
        ComposeNode root = new ComposeNode(document, "", interpolate(parsed, "", new Interpolator(document, variables, warnings),
                new Budget(document)));
        for (String key : root.keys()) {
            if (!TOP_LEVEL.contains(key) && !key.startsWith("x-")) {
                throw new InvalidRequestException(null, "compose.top-level-key", key, String.join(", ", TOP_LEVEL.stream().sorted().toList()));
            }
        }
        checkVersion(root.get("version"));
        if (root.get("services").keys().isEmpty()) {
            throw root.get("services").invalid("compose.no-service");
        }
        return root;
    }

    /**
     * One Compose service, as a file's {@code services.<name>} would hold it (YAML, or JSON, which YAML reads too),
     * interpolated as a file is.
     *
     * @param document the request's field it comes from, which messages name
     */
    public static ComposeNode loadService(String document, String yaml, Map<String, String> variables, List<String> warnings) {
        Object parsed = parse(document, yaml, Phrase.of("compose.expected-service"));
        if (!(parsed instanceof Map<?, ?>)) {
            throw new InvalidRequestException(null, "compose.service-mapping", document);
        }
        return new ComposeNode(document, "", interpolate(parsed, "", new Interpolator(document, variables, warnings),
                new Budget(document)));
    }

    private static Object parse(String document, String yaml, Phrase expected) {
        if (yaml == null || yaml.isBlank()) {
            throw new InvalidRequestException(document, "required.what", expected);
        }
        if (yaml.length() > MAX_FILE) {
            throw new InvalidRequestException(document, "compose.too-large");
        }
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            options.setAllowDuplicateKeys(false);
            options.setCodePointLimit(MAX_FILE);
            return new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new InvalidRequestException(null, mark == null ? Phrase.of("compose.yaml", document, e.getProblem())
                    : Phrase.of("compose.yaml-at", document, mark.getLine() + 1, mark.getColumn() + 1, e.getProblem()));
        } catch (YAMLException e) {
            throw new InvalidRequestException(null, "compose.yaml", document, e.getMessage());
        }
    }

    private static void checkVersion(ComposeNode version) {
        if (version.isMissing()) {
            return; // the Compose specification made it optional
        }
        String v = version.string().trim();
        if (!v.matches("3(\\.\\d{1,2})?")) {
            throw version.invalid("compose.version", v);
        }
    }

    /**
     * YAML aliases share one node in several places, and reading the file copies it into each: a 10 KB file of nested
     * aliases would become millions of values. The copy is counted, values and characters, and stops at a budget far
     * above any real Compose file.
     */
    static final class Budget {
        static final int MAX_VALUES = 100_000;
        static final long MAX_CHARS = 8L << 20;
        private final String document;
        private int values;
        private long chars;

        Budget(String document) {
            this.document = document;
        }

        void spend(String path, int length) {
            if (++values > MAX_VALUES || (chars += length) > MAX_CHARS) {
                throw new InvalidRequestException(null, "compose.aliases", document, MAX_VALUES, MAX_CHARS >> 20,
                        path.isEmpty() ? Phrase.of("compose.the-top") : path);
            }
        }
    }

    /** Values only, never keys, as the docker CLI does. */
    private static Object interpolate(Object value, String path, Interpolator interpolator, Budget budget) {
        budget.spend(path, value instanceof String s ? s.length() : 0);
        if (value instanceof String s) {
            return interpolator.interpolate(s, path);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                result.put(key, interpolate(e.getValue(), path.isEmpty() ? key : path + "." + key, interpolator, budget));
            }
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                result.add(interpolate(list.get(i), path + "[" + i + "]", interpolator, budget));
            }
            return result;
        }
        return value;
    }
}
