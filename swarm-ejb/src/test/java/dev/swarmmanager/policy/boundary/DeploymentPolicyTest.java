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
import dev.swarmmanager.security.ClusterRoles;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who a violation stops: operators always (403, or 400 for a limit), admins only for limits, unless held to it all. */
class DeploymentPolicyTest {

    private static final PolicyViolation CAPABILITY = new PolicyViolation("capabilities", "services.c.cap_add[0]", "ALL", Phrase.of("policy.prune"), true, 5);
    private static final PolicyViolation REPLICAS = new PolicyViolation("max-replicas", "services.c.deploy.replicas", "1000", Phrase.of("policy.prune"), false, 7);

    private static DeploymentPolicy policy(boolean admin, boolean appliesToAdmins) {
        DeploymentPolicy policy = new DeploymentPolicy();
        policy.security = (SecurityContext) Proxy.newProxyInstance(DeploymentPolicyTest.class.getClassLoader(),
                new Class<?>[] {SecurityContext.class}, (proxy, method, args) -> method.getName().equals("isCallerInRole")
                        ? admin && args[0].equals("admin") : null);
        policy.clusterRoles = new ClusterRoles() {
            @Override
            public boolean has(Role role) {
                return admin && role == Role.ADMIN;
            }
        };
        policy.configuration = new PolicyConfiguration() {
            @Override
            public PolicyRules rules() {
                return new PolicyRules(new PolicySettings(appliesToAdmins, Set.of(), List.of(), Set.of(), Set.of(),
                        Set.of(), Set.of(), "x=y", 100));
            }
        };
        return policy;
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
