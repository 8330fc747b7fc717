package dev.swarmmanager.compose;

import dev.swarmmanager.domain.TemplateParameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A stack file with its secrets' inline {@code content} taken out, for keeping where secrets must not be: each content
 * becomes a variable ({@code ${SECRET_CONTENT_DB}}) to give again when the file is deployed again. Pure.
 *
 * @param file          the file to keep: the one sent when it has no inline secret content, else the same file written
 *                      again (its comments and layout are lost, its meaning is not)
 * @param newVariables  the variables that now stand for each content
 * @param usedInContent the variables the contents used, whose values are secret too
 */
public record SecretContent(String file, Set<String> newVariables, Set<String> usedInContent) {

    private static final String PREFIX = "SECRET_CONTENT_";

    @SuppressWarnings("unchecked")
    public static SecretContent of(String file) {
        Object document;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            options.setAllowDuplicateKeys(false);
            document = new Yaml(new SafeConstructor(options)).load(file);
        } catch (RuntimeException unreadable) {
            return new SecretContent(file, Set.of(), Set.of()); // it was deployed, so it reads: never reached in practice
        }
        if (!(document instanceof Map<?, ?> root) || !(root.get("secrets") instanceof Map<?, ?> secrets)) {
            return new SecretContent(file, Set.of(), Set.of());
        }
        Set<String> added = new TreeSet<>();
        Set<String> used = new TreeSet<>();
        Map<Object, Object> rewritten = new LinkedHashMap<>((Map<Object, Object>) secrets);
        for (var entry : ((Map<Object, Object>) secrets).entrySet()) {
            if (entry.getValue() instanceof Map<?, ?> secret && secret.containsKey("content")) {
                String variable = PREFIX + String.valueOf(entry.getKey()).toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
                TemplateParameter.of(String.valueOf(secret.get("content"))).forEach(p -> used.add(p.name()));
                Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) secret);
                copy.put("content", "${" + variable + "}");
                rewritten.put(entry.getKey(), copy);
                added.add(variable);
            }
        }
        if (added.isEmpty()) {
            return new SecretContent(file, Set.of(), Set.of());
        }
        Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) root);
        copy.put("secrets", rewritten);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(160);
        return new SecretContent("# Written again by Swarm Manager's stack history: each secret's inline content is a variable.\n"
                + new Yaml(options).dump(copy), added, used);
    }
}
