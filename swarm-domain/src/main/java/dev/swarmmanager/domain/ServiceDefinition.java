package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.Map;

/**
 * A service to create, in Compose's words: what a Compose file's {@code services.<name>} would hold.
 *
 * @param service   one Compose service as YAML or JSON text ({@code {"image": "nginx:1.27", "deploy": {"replicas": 2}}})
 * @param variables values for its {@code ${VAR}} references, as a stack's file gets them; none read from the server
 */
public record ServiceDefinition(String name, String service, Map<String, String> variables) implements Serializable {

    public ServiceDefinition {
        if (variables != null && variables.values().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRequestException("variables", "variables.null");
        }
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }
}
