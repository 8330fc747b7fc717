package dev.swarmmanager.security;

import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.Role;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;

/**
 * What the caller may do on each cluster. The server's group mapping ({@code swarm.auth.roles.*}) grants the roles
 * the container checks; a registered cluster may have a mapping of its own ({@code swarm.clusters.<name>.roles.*}),
 * which narrows them there: the caller's role on that cluster is the lower of the two, so an operator of staging is
 * a viewer of production when production maps their group to {@code viewer} only, and someone whose groups it does
 * not map at all does not see it. A cluster's mapping can never grant more than the server's, so every check the
 * container makes stays true. Local accounts have no provider groups: their role is the same on every cluster.
 */
@ApplicationScoped
public class ClusterRoles {

    @Inject
    SecurityContext security;

    @Inject
    MappedRoles mapped;

    /**
     * The highest role the caller keeps on the cluster; empty when the cluster's mapping (if any) takes nothing away.
     *
     * @throws EJBAccessException when the cluster's mapping gives the caller no role at all
     */
    public Optional<Role> ceiling(String cluster) {
        Optional<RoleMapping> own = SignInSettings.singleSignOn() ? SignInSettings.clusterRoleMapping(cluster) : Optional.empty();
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Role granted = own.get().highest(mapped.providerGroups(security.getCallerPrincipal()))
                .orElseThrow(() -> new EJBAccessException("no role on the cluster " + cluster));
        Role server = highestOnServer();
        return Optional.of(server == null || granted.compareTo(server) < 0 ? granted : server);
    }

    /** Whether the caller may see the cluster at all. */
    public boolean mayView(String cluster) {
        try {
            ceiling(cluster);
            return true;
        } catch (EJBAccessException e) {
            return false;
        }
    }

    /** Whether the caller has the role on the cluster the current thread works on. */
    public boolean has(Role role) {
        return security.isCallerInRole(role.toString())
                && EngineTarget.current().map(EngineTarget::ceiling).map(ceiling -> role.compareTo(ceiling) <= 0).orElse(true);
    }

    private Role highestOnServer() {
        Role highest = null;
        for (Role role : Role.values()) {
            if (security.isCallerInRole(role.toString())) {
                highest = role;
            }
        }
        return highest;
    }
}
