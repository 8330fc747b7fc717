package dev.swarmmanager.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.domain.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    private final RoleMapping mapping = new RoleMapping(Map.of(
            Role.VIEWER, Set.of("staff"),
            Role.OPERATOR, Set.of("ops", "sre"),
            Role.ADMIN, Set.of("platform-admins")));

    @Test
    void aRoleBringsTheRolesBelowIt() {
        assertThat(mapping.roles(List.of("sre"))).containsExactly("operator", "viewer");
        assertThat(mapping.roles(List.of("platform-admins"))).containsExactly("admin", "operator", "viewer");
        assertThat(mapping.roles(List.of("staff"))).containsExactly("viewer");
    }

    @Test
    void theHighestMappedGroupWins() {
        assertThat(mapping.roles(List.of("staff", "platform-admins", "unrelated"))).contains("admin");
    }

    @Test
    void aGroupNamedLikeOneOfOurRolesGrantsNothingUnlessMapped() {
        assertThat(mapping.roles(List.of("admin", "operator", "viewer"))).isEmpty();
        assertThat(mapping.roles(List.of())).isEmpty();
    }

    @Test
    void theHighestRoleIsWhatACallerKeepsOnACluster() {
        assertThat(mapping.highest(List.of("staff", "sre", "unrelated"))).contains(Role.OPERATOR);
        assertThat(mapping.highest(List.of("staff"))).contains(Role.VIEWER);
        assertThat(mapping.highest(List.of("admin", "unrelated"))).isEmpty();
    }
}
