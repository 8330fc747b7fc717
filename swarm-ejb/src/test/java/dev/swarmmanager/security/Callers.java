package dev.swarmmanager.security;

import dev.swarmmanager.domain.Role;
import jakarta.security.enterprise.SecurityContext;
import java.lang.reflect.Proxy;
import java.security.Principal;

/** A signed-in caller as the container's security context and the cluster's role check see them. */
public final class Callers {

    private Callers() {
    }

    /** A caller named {@code name} holding {@code role} and the roles it includes. */
    public static SecurityContext signedIn(String name, Role role) {
        Principal principal = () -> name;
        return (SecurityContext) Proxy.newProxyInstance(Callers.class.getClassLoader(), new Class<?>[] {SecurityContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isCallerInRole" -> role.withIncluded().stream().anyMatch(r -> r.toString().equals(args[0]));
                    case "getCallerPrincipal" -> principal;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The role check for that caller, on the default cluster (no mapping of its own there). */
    public static ClusterRoles rolesOf(SecurityContext caller) {
        ClusterRoles roles = new ClusterRoles();
        roles.security = caller;
        return roles;
    }
}
