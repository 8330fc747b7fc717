package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parameter of a template: a variable its Compose service uses.
 *
 * @param defaultValue what {@code ${NAME:-default}} gives when no value is sent; null when there is none
 * @param required     {@code ${NAME:?message}}: a service cannot be made without it
 */
public record TemplateParameter(String name, String defaultValue, boolean required) implements Serializable {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    /** The variables a Compose text uses, in the order they first appear ({@code $$} is a literal dollar, not one). */
    public static List<TemplateParameter> of(String text) {
        Map<String, TemplateParameter> found = new LinkedHashMap<>();
        Matcher m = REFERENCE.matcher(text == null ? "" : text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            if (name == null || found.containsKey(name)) {
                continue;
            }
            String operator = m.group(2);
            boolean required = operator != null && operator.endsWith("?");
            String defaultValue = operator != null && operator.endsWith("-") ? m.group(3) : null;
            found.put(name, new TemplateParameter(name, defaultValue, required));
        }
        return new ArrayList<>(found.values());
    }
}
