package dev.swarmmanager.domain;

/** How an attempted change ended. */
public enum AuditOutcome {
    /** Under way, or the server stopped before it could record how it ended. */
    ATTEMPTED,
    /** Allowed, and Docker did it. */
    SUCCEEDED,
    /** Allowed, but it failed: bad input, a conflict, Docker unavailable. */
    FAILED,
    /** The caller's roles, or the deployment policy, do not allow it; nothing was changed. */
    DENIED;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
