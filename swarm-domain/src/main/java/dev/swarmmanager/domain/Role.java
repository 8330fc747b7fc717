package dev.swarmmanager.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. Each role includes the ones below it: an operator can do all a viewer can, an admin all an
 * operator can. The constants are the role names the container checks ({@code @RolesAllowed(Role.OPERATOR_NAME)}).
 */
public enum Role {
    /** Reads everything except join tokens. */
    VIEWER,
    /** Also scales, updates images, rolls back, drains/restores/pauses nodes, deploys stacks, reads logs. */
    OPERATOR,
    /** Also initialises and leaves the Swarm, reads join tokens, removes nodes, services and stacks. */
    ADMIN;

    public static final String VIEWER_NAME = "viewer";
    public static final String OPERATOR_NAME = "operator";
    public static final String ADMIN_NAME = "admin";

    /** This role and every role it includes. */
    public Set<Role> withIncluded() {
        return EnumSet.range(VIEWER, this);
    }

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
