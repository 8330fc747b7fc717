package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

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
        super(Phrase.of(roleMatters ? "policy.refused-for-role" : "policy.refused", list(violations)));
        this.violations = List.copyOf(violations);
        this.roleMatters = roleMatters;
    }

    /** {@code capabilities: services.c.cap_add[0]: ALL (why)} for each, joined by "; ". */
    private static Serializable list(List<PolicyViolation> violations) {
        return Phrase.joined(violations.stream().map(v -> Phrase.of("policy.violation", v.toString(), v.reason())).toList(), "; ");
    }

    public List<PolicyViolation> violations() {
        return violations;
    }

    public boolean roleMatters() {
        return roleMatters;
    }
}
