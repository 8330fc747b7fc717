package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * What a deploy did, by full Swarm name ({@code ocr_worker}), and what it could not honour.
 *
 * @param updated services that existed and were updated in place (Swarm rolls out only those whose task
 *                spec changed)
 * @param warnings keys of the Compose file that were not applied, and variables that were not set
 * @param dryRun nothing was changed: this is what a deploy would do
 * @param violations what the deployment policy does not allow: on a dry run, what a deploy would be refused for;
 *                   on an admin's deploy, the rules the admin bypassed (audited)
 */
public record StackDeployResult(String stack, List<String> created, List<String> updated, List<String> removed,
                                List<String> networks, List<String> secrets, List<String> configs,
                                List<String> warnings, boolean dryRun, List<PolicyViolation> violations) implements Serializable {

    public StackDeployResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
        networks = List.copyOf(networks);
        secrets = List.copyOf(secrets);
        configs = List.copyOf(configs);
        warnings = List.copyOf(warnings);
        violations = List.copyOf(violations);
    }
}
