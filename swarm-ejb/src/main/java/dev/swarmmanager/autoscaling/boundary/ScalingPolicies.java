package dev.swarmmanager.autoscaling.boundary;

import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.autoscaling.entity.ScalingPolicyRecord;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.HistoryKind;
import dev.swarmmanager.domain.HistoryPage;
import dev.swarmmanager.domain.HistoryQuery;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.PolicyViolationException;
import dev.swarmmanager.domain.RegisteredCluster;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.ScalingPolicy;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.history.boundary.History;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.translation.ClusterReader;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The scaling policies: read by anyone signed in, set and removed by operators and admins. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
public class ScalingPolicies {

    private static final String POLICY = "scaling policy";

    @PersistenceContext(unitName = "swarm")
    EntityManager entities;

    @Inject
    ClusterMirror mirror;

    @Inject
    ClusterReader reader;

    @Inject
    DeploymentPolicy policy;

    @Inject
    History history;

    @Inject
    SecurityContext security;

    public List<ScalingPolicy> list() {
        return entities.createQuery("SELECT p FROM ScalingPolicyRecord p ORDER BY p.service", ScalingPolicyRecord.class)
                .getResultList().stream().map(ScalingPolicies::policy).toList();
    }

    /**
     * The policy the autoscaler follows for the service, if any; none on a cluster other than the default, whose
     * services the autoscaler does not scale (a service there may share a name with one of the default's).
     */
    public Optional<ScalingPolicy> of(String service) {
        if (EngineTarget.current().isPresent() || service == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(entities.find(ScalingPolicyRecord.class, service)).map(ScalingPolicies::policy);
    }

    public ScalingPolicy get(String service) {
        ScalingPolicyRecord row = service == null ? null : entities.find(ScalingPolicyRecord.class, service);
        if (row == null) {
            throw new ResourceNotFoundException(POLICY, service);
        }
        return policy(row);
    }

    /**
     * Sets the service's policy (a new one, or in place of the one it has). The service must exist and be replicated;
     * the maximum is held to the deployment policy's largest scale; a service that holds host privileges is given a
     * policy by admins only, since the autoscaler will scale it.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("scaling-policies.set")
    public ScalingPolicy set(ScalingPolicy wanted) {
        onTheDefaultCluster();
        SwarmService service = state().service(wanted.service())
                .filter(s -> s.name().equals(wanted.service()))
                .orElseThrow(() -> new ResourceNotFoundException("service", wanted.service()));
        if (service.mode() != ServiceMode.REPLICATED) {
            throw new InvalidRequestException("service", "scaling.global");
        }
        long most = policy.rules().settings().maxReplicas();
        if (wanted.maxReplicas() > most) {
            throw new PolicyViolationException(List.of(new PolicyViolation("max-replicas", "scaling_policy.max_replicas",
                    String.valueOf(wanted.maxReplicas()), Phrase.of("policy.scaling-max-replicas", most), false, null)), false);
        }
        if (service.isPrivileged() && !security.isCallerInRole(Role.ADMIN_NAME)) {
            throw new PolicyViolationException(List.of(new PolicyViolation("privileged-service", "services." + service.name(),
                    String.join(", ", service.privileges()), Phrase.of("policy.scaling-privileged"), true, null)), true);
        }
        ScalingPolicyRecord row = entities.find(ScalingPolicyRecord.class, wanted.service());
        if (row == null) {
            row = new ScalingPolicyRecord();
            row.service = wanted.service();
            entities.persist(row);
        }
        Principal caller = security.getCallerPrincipal();
        row.take(wanted, caller == null ? null : caller.getName(), security.isCallerInRole(Role.ADMIN_NAME));
        return policy(row);
    }

    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("scaling-policies.remove")
    public void remove(String service) {
        onTheDefaultCluster();
        ScalingPolicyRecord row = service == null ? null : entities.find(ScalingPolicyRecord.class, service);
        if (row == null) {
            throw new ResourceNotFoundException(POLICY, service);
        }
        entities.remove(row);
    }

    /**
     * The autoscaler scales the default cluster's services: a policy asked for on another cluster (a page switched to
     * it) would scale the default cluster's service of that name, so it is refused.
     */
    private static void onTheDefaultCluster() {
        if (EngineTarget.current().isPresent()) {
            throw new InvalidRequestException(null, "scaling.default-only", EngineTarget.clusterName());
        }
    }

    /** A policy as the autoscaler follows it: with the authority of whoever set it. */
    public record Active(ScalingPolicy policy, boolean setByAdmin) {
    }

    /**
     * Every policy, for the autoscaler: read on its own thread, with no signed-in caller (nothing of a user's goes out
     * through here; the edges read policies through {@link #list()}).
     */
    @PermitAll
    public List<Active> forTheAutoscaler() {
        return entities.createQuery("SELECT p FROM ScalingPolicyRecord p", ScalingPolicyRecord.class).getResultList().stream()
                .map(row -> new Active(policy(row), row.setByAdmin)).toList();
    }

    /**
     * The autoscaler's decisions for a service that has a policy, newest first, from the event history (those of a
     * removed policy stay in the history, found by kind and object).
     */
    public HistoryPage decisions(String service, Instant from, int page, int size) {
        get(service);
        return history.search(new HistoryQuery(from, null, HistoryKind.AUTOSCALER, service, null, null, RegisteredCluster.DEFAULT, page, size));
    }

    private ClusterState state() {
        return mirror.current().orElseGet(reader::read);
    }

    static ScalingPolicy policy(ScalingPolicyRecord row) {
        return new ScalingPolicy(row.service, row.minReplicas, row.maxReplicas, row.metric, row.query, row.target, row.tolerance,
                Duration.ofSeconds(row.scaleUpWindow), Duration.ofSeconds(row.scaleDownWindow), Duration.ofSeconds(row.scaleUpCooldown),
                Duration.ofSeconds(row.scaleDownCooldown), row.maxStep, row.dryRun, row.paused, row.updatedBy, row.updatedAt);
    }
}
