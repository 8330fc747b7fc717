package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A service as a create or an edit left it.
 *
 * @param warnings what was given but not applied (Compose keys Swarm services cannot honour, unset variables)
 * @param bypassed on an admin's write, the deployment policy's rules the admin went past (also in the audit log)
 */
public record ServiceWriteResult(SwarmService service, List<String> warnings, List<PolicyViolation> bypassed) implements Serializable {

    public ServiceWriteResult {
        warnings = List.copyOf(warnings);
        bypassed = List.copyOf(bypassed);
    }
}
