package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * A template to save (as its first version, or the next one of that name).
 *
 * @param service one Compose service as YAML or JSON text, its {@code ${NAME}} variables the template's parameters
 */
public record TemplateDraft(String name, String description, String service) implements Serializable {
}
