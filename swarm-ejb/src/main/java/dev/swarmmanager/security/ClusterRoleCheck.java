package dev.swarmmanager.security;

import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The container's role check, once more, with the caller's role on the cluster the call works on
 * ({@link ClusterRoles}): a call whose {@code @RolesAllowed} asks more than that role is refused as the container
 * refuses it, so every edge answers and audits it the same way. Bound to every bean of this module in
 * {@code ejb-jar.xml}, before the beans' own interceptors (the audit log's among them); it costs a thread-local read
 * where no cluster's mapping narrows the caller's roles.
 */
public class ClusterRoleCheck {

    private static final Map<Method, Optional<Role>> REQUIRED = new ConcurrentHashMap<>();

    @AroundInvoke
    public Object check(InvocationContext call) throws Exception {
        EngineTarget target = EngineTarget.current().orElse(null);
        if (target != null && target.ceiling() != null && call.getMethod() != null) {
            Role ceiling = target.ceiling();
            Optional<Role> required = REQUIRED.computeIfAbsent(call.getMethod(), ClusterRoleCheck::required);
            if (required.isPresent() && required.get().compareTo(ceiling) > 0) {
                throw new EJBAccessException("on the cluster " + target.cluster() + " the caller is " + ceiling
                        + ", and this needs " + required.get());
            }
        }
        return call.proceed();
    }

    /** The least role that {@code @RolesAllowed} lets in (each role includes the ones below); none if anyone may call. */
    static Optional<Role> required(Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Optional.empty();
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            if (method.getDeclaringClass().isAnnotationPresent(PermitAll.class)) {
                return Optional.empty();
            }
            allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed == null) {
            return Optional.empty();
        }
        var names = Arrays.asList(allowed.value());
        return Arrays.stream(Role.values()).filter(role -> names.contains(role.toString())).findFirst();
    }
}
