package dev.swarmmanager.domain;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The deployment policy refuses a write: nothing was changed. Carries every violation at once, so the user can fix
 * them all in one go.
 */
public class PolicyViolationException extends SwarmException {

    private final transient List<PolicyViolation> violations;
    private final boolean roleMatters;

    /**
     * @param roleMatters an admin could do this (403: the caller's role does not allow it); false when no one may
     *                    (400: the request itself must change)
     */
    public PolicyViolationException(List<PolicyViolation> violations, boolean roleMatters) {
        super("the deployment policy does not allow this" + (roleMatters ? " for your role" : "") + ": "
                + violations.stream().map(v -> v + " (" + v.reason() + ")").collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
        this.roleMatters = roleMatters;
    }

    public List<PolicyViolation> violations() {
        return violations;
    }

    public boolean roleMatters() {
        return roleMatters;
    }
}
