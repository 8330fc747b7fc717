package dev.swarmmanager.policy.boundary;

import dev.swarmmanager.audit.boundary.AuditNotes;
import dev.swarmmanager.domain.DeploymentPolicyView;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.PolicyViolationException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.rules.PolicyConfiguration;
import dev.swarmmanager.rules.PolicyRules;
import dev.swarmmanager.security.ClusterRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that decides what a role may deploy. The writers ({@code Stacks}, {@code Services}) collect the
 * violations of {@link #rules()} for what they are about to write, then call {@link #enforce} before changing
 * anything: an operator's write with any violation changes nothing; an admin's goes through, and the rules it
 * bypassed are written to its audit row, unless {@code swarm.policy.applies-to-admins} holds admins to them too.
 */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // judges, changes nothing: no JTA transaction
public class DeploymentPolicy {

    /** The audit row's parameter that names the rules an admin bypassed. */
    public static final String BYPASSED = "policy_bypassed";

    @Inject
    PolicyConfiguration configuration;

    @Inject
    SecurityContext security;

    /** The caller\'s roles on the cluster this call works on (narrower than the container\'s on some). */
    @Inject
    ClusterRoles clusterRoles;

    @Inject
    ClusterMirror mirror;

    /** For the writers, whose own methods the container has already authorised. */
    @PermitAll
    public PolicyRules rules() {
        return configuration.rules();
    }

    /** The most replicas a service may ask for ({@code swarm.services.max-replicas}): forms offer no more. */
    public long maxReplicas() {
        return configuration.rules().settings().maxReplicas();
    }

    /**
     * The manager nodes' IDs, hostnames and addresses (lower case), from the mirror, to recognise placement on managers
     * by name; null when the nodes are not known (then any placement by name counts as possibly on a manager).
     */
    @PermitAll
    public Set<String> managers() {
        return mirror.current().map(state -> {
            Set<String> managers = new HashSet<>();
            state.nodes().stream().filter(n -> n.role() == NodeRole.MANAGER).forEach(n -> {
                managers.add(n.id().toLowerCase(Locale.ROOT));
                managers.add(n.hostname().toLowerCase(Locale.ROOT));
                if (n.address() != null) {
                    managers.add(n.address().toLowerCase(Locale.ROOT));
                }
            });
            return managers;
        }).orElse(null);
    }

    /**
     * Lets a write go ahead or refuses it.
     *
     * @return the violations an admin bypassed (empty for anyone else, who is refused instead)
     * @throws PolicyViolationException 403 when an admin could do it, 400 when no one may
     */
    @PermitAll
    public List<PolicyViolation> enforce(List<PolicyViolation> violations) {
        if (violations.isEmpty()) {
            return List.of();
        }
        boolean admin = clusterRoles.has(Role.ADMIN);
        boolean adminsBound = rules().settings().appliesToAdmins();
        List<PolicyViolation> binding = violations.stream().filter(v -> !v.adminMay() || adminsBound).toList();
        if (admin) {
            if (!binding.isEmpty()) {
                throw new PolicyViolationException(binding, false);
            }
            AuditNotes.note(BYPASSED, violations.stream().map(PolicyViolation::toString).collect(Collectors.joining("; ")));
            return violations;
        }
        throw new PolicyViolationException(violations, binding.isEmpty());
    }

    /** The rules in force, for any signed-in user: what they may deploy is no secret to them. */
    public DeploymentPolicyView view() {
        var settings = rules().settings();
        return new DeploymentPolicyView(settings.appliesToAdmins(), settings.sharedLabel(), rules().describe());
    }
}
