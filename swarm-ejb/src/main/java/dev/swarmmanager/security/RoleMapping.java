package dev.swarmmanager.security;

import dev.swarmmanager.domain.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the groups a provider says a user is in into our roles, each with the roles it includes. Only our role
 * names come out: a provider group that happens to be called "admin" grants nothing unless it is mapped.
 *
 * @param groups for each role, the provider groups that grant it
 */
public record RoleMapping(Map<Role, Set<String>> groups) {

    public RoleMapping {
        groups = Map.copyOf(groups);
    }

    /** Role names with the roles each includes; anything that is not a role name is dropped. */
    public static Set<String> withIncluded(Collection<String> roleNames) {
        Set<String> names = new TreeSet<>();
        for (Role role : Role.values()) {
            if (roleNames.contains(role.toString())) {
                role.withIncluded().forEach(r -> names.add(r.toString()));
            }
        }
        return names;
    }

    /** The highest role the groups grant, if any. */
    public Optional<Role> highest(Collection<String> userGroups) {
        Role highest = null;
        for (Map.Entry<Role, Set<String>> entry : groups.entrySet()) {
            if (userGroups.stream().anyMatch(entry.getValue()::contains) && (highest == null || entry.getKey().compareTo(highest) > 0)) {
                highest = entry.getKey();
            }
        }
        return Optional.ofNullable(highest);
    }

    public Set<String> roles(Collection<String> userGroups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        groups.forEach((role, granting) -> {
            if (userGroups.stream().anyMatch(granting::contains)) {
                roles.addAll(role.withIncluded());
            }
        });
        Set<String> names = new TreeSet<>();
        roles.forEach(role -> names.add(role.toString()));
        return names;
    }
}
