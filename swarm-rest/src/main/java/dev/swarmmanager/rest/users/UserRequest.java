package dev.swarmmanager.rest.users;

import jakarta.validation.constraints.NotNull;

/**
 * {@code {"name": "olga", "role": "operator", "password": "..."}} to create a user; {@code role} and {@code enabled}
 * to change one; {@code password} to reset one. Fields a request does not need are ignored. What each request needs
 * is its validation group.
 */
public record UserRequest(
        @NotNull(groups = Creating.class, message = "{required.example}|\"olga\"") String name,
        @NotNull(groups = Creating.class, message = "{required.example}|\"operator\"") String role,
        @NotNull(groups = {Creating.class, Resetting.class}, message = "{users.password-required}") String password,
        Boolean enabled) {

    /** Creating a user: name, role and password. */
    public interface Creating {
    }

    /** Resetting a password. */
    public interface Resetting {
    }
}
