package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A version of a service template: one Compose service whose {@code ${NAME}} variables are its parameters.
 *
 * @param service    the Compose service, as YAML
 * @param parameters the variables it uses, in the order they first appear, with their defaults
 */
public record ServiceTemplate(String name, int version, String description, String service, List<TemplateParameter> parameters,
                              String user, Instant savedAt) implements Serializable {

    public ServiceTemplate {
        parameters = List.copyOf(parameters);
    }
}
