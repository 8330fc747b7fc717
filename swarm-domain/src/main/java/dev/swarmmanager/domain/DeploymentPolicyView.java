package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * The deployment policy in force.
 *
 * @param appliesToAdmins admins are held to it too ({@code swarm.policy.applies-to-admins}); otherwise they may
 *                        bypass its role rules, and every bypass is audited
 * @param sharedLabel     the label ({@code key=value}) that makes a secret, config or network usable by any stack
 */
public record DeploymentPolicyView(boolean appliesToAdmins, String sharedLabel, List<PolicyRule> rules) implements Serializable {

    public DeploymentPolicyView {
        rules = List.copyOf(rules);
    }
}
