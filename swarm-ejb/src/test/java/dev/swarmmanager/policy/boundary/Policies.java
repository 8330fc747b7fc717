package dev.swarmmanager.policy.boundary;

import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.rules.PolicyConfiguration;
import dev.swarmmanager.security.ClusterRoles;
import jakarta.security.enterprise.SecurityContext;

/** The deployment policy for a given caller, with the rules given, placement judged from the mirror given. */
public final class Policies {

    private Policies() {
    }

    public static DeploymentPolicy forCaller(SecurityContext caller, ClusterRoles roles, PolicyConfiguration rules, ClusterMirror mirror) {
        DeploymentPolicy policy = new DeploymentPolicy();
        policy.security = caller;
        policy.clusterRoles = roles;
        policy.configuration = rules;
        policy.mirror = mirror;
        return policy;
    }
}
