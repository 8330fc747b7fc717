package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.Map;

/**
 * A change to a running service, in Compose's words: each key given replaces what it stands for, a key given as null
 * removes it, and every setting not named stays as it is.
 *
 * @param changes   Compose service keys as YAML or JSON text ({@code {"environment": {"LOG_LEVEL": "debug"}}})
 * @param variables values for {@code ${VAR}} references in the changes
 * @param version   the spec's version the change was made against (from a preview or an inspect): when the service
 *                  has changed since, the edit is refused rather than applied to a spec nobody reviewed; null to apply
 *                  to whatever is current
 */
public record ServiceEdit(String changes, Map<String, String> variables, Long version) implements Serializable {

    public ServiceEdit {
        if (variables != null && variables.values().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRequestException("variables", "variables.null");
        }
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
