package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * One rule of the deployment policy as it is in force, for {@code GET /policy}.
 *
 * @param name        the rule's name, as violations quote it
 * @param description what it refuses, in plain words
 * @param setting     the configuration key that tunes it, or null
 * @param value       that setting's value in force ("" when empty)
 * @param adminMay    admins may bypass it (each bypass is audited); false for limits that hold for everyone
 */
public record PolicyRule(String name, String description, String setting, String value, boolean adminMay) implements Serializable {
}
