package dev.swarmmanager.rest.nodes;

import jakarta.validation.constraints.NotNull;

/** {@code {"role": "manager"}}: promote a worker, or demote a manager with {@code worker}. */
public record RoleRequest(@NotNull(message = "{nodes.role-required}") String role) {

    static final String EXAMPLE = "{\"role\": \"manager\"}";
}
