package dev.swarmmanager.rest.users;

/**
 * {@code {"name": "olga", "role": "operator", "password": "..."}} to create a user; {@code role} and {@code enabled}
 * to change one; {@code password} to reset one. Fields a request does not need are ignored.
 */
public record UserRequest(String name, String role, String password, Boolean enabled) {
}
