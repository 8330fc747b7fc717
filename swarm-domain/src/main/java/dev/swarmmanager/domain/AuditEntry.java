package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One attempted change, as the audit log keeps it.
 *
 * @param action     what was attempted, as {@code area.verb}: {@code services.scale}, {@code nodes.remove}
 * @param target     what it was aimed at (a service, node or stack name; a role for join tokens), or null
 * @param parameters the other arguments, secrets already redacted
 * @param error      why it failed or was denied; null when it succeeded
 */
public record AuditEntry(long id, Instant time, String user, List<String> roles, String action, String target,
                         Map<String, String> parameters, AuditOutcome outcome, String error, String clientAddress,
                         String cluster) implements Serializable {
}
