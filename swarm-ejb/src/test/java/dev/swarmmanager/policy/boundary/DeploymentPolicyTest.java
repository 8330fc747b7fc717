package dev.swarmmanager.policy.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.PolicyViolationException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.rules.PolicyConfiguration;
import dev.swarmmanager.rules.PolicyRules;
import dev.swarmmanager.rules.PolicySettings;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.security.Callers;
import jakarta.security.enterprise.SecurityContext;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a violation stops: operators always (403, or 400 for a limit), admins only for limits, unless held to it all. */
class DeploymentPolicyTest {

    private static final PolicyViolation CAPABILITY = new PolicyViolation("capabilities", "services.c.cap_add[0]", "ALL", Phrase.of("policy.prune"), true, 5);
    private static final PolicyViolation REPLICAS = new PolicyViolation("max-replicas", "services.c.deploy.replicas", "1000", Phrase.of("policy.prune"), false, 7);

    private static DeploymentPolicy policy(boolean admin, boolean appliesToAdmins) {
        SecurityContext caller = Callers.signedIn("chris", admin ? Role.ADMIN : Role.OPERATOR);
        PolicyConfiguration configured = new PolicyConfiguration() {
            @Override
            public PolicyRules rules() {
                return new PolicyRules(new PolicySettings(appliesToAdmins, Set.of(), List.of(), Set.of(), Set.of(),
                        Set.of(), Set.of(), "x=y", 100));
            }
        };
        return Policies.forCaller(caller, Callers.rolesOf(caller), configured, new ClusterMirror());
    }

    @Test
    void nothingToEnforceLetsAnyoneThrough() {
        assertThat(policy(false, false).enforce(List.of())).isEmpty();
    }

    @Test
    void anOperatorIsRefusedWith403WhenAnAdminCouldAnd400WhenNoOneMay() {
        assertThatThrownBy(() -> policy(false, false).enforce(List.of(CAPABILITY)))
                .isInstanceOfSatisfying(PolicyViolationException.class, e -> {
                    assertThat(e.roleMatters()).isTrue();
                    assertThat(e.violations()).containsExactly(CAPABILITY);
                    assertThat(e.getMessage()).contains("for your role").contains("capabilities: services.c.cap_add[0]: ALL");
                });
        assertThatThrownBy(() -> policy(false, false).enforce(List.of(CAPABILITY, REPLICAS)))
                .isInstanceOfSatisfying(PolicyViolationException.class, e -> {
                    assertThat(e.roleMatters()).isFalse();
                    assertThat(e.violations()).containsExactly(CAPABILITY, REPLICAS);
                });
    }

    @Test
    void anAdminBypassesRoleRulesButNotLimits() {
        assertThat(policy(true, false).enforce(List.of(CAPABILITY))).containsExactly(CAPABILITY);
        assertThatThrownBy(() -> policy(true, false).enforce(List.of(CAPABILITY, REPLICAS)))
                .isInstanceOfSatisfying(PolicyViolationException.class, e -> {
                    assertThat(e.roleMatters()).isFalse();
                    assertThat(e.violations()).as("only what binds the admin").containsExactly(REPLICAS);
                });
    }

    @Test
    void whenThePolicyAppliesToAdminsTooNoOneBypassesIt() {
        assertThatThrownBy(() -> policy(true, true).enforce(List.of(CAPABILITY)))
                .isInstanceOfSatisfying(PolicyViolationException.class, e -> assertThat(e.roleMatters()).isFalse());
        assertThatThrownBy(() -> policy(false, true).enforce(List.of(CAPABILITY)))
                .isInstanceOfSatisfying(PolicyViolationException.class, e -> assertThat(e.roleMatters()).as("no role could").isFalse());
    }
}
