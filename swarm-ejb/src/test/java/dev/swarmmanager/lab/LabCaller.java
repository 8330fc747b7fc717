package dev.swarmmanager.lab;

import dev.swarmmanager.domain.Role;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;

/**
 * Signs in Arquillian's requests to the test deployment as an administrator, so that the tests call the beans the
 * way the REST layer does: as an authenticated caller the container checks against {@code @RolesAllowed}. It takes
 * precedence over the application's own mechanism, which the deployment also holds.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class LabCaller implements HttpAuthenticationMechanism {

    public static final String NAME = "lab";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        return context.notifyContainerAboutLogin(NAME, Set.of(Role.VIEWER_NAME, Role.OPERATOR_NAME, Role.ADMIN_NAME));
    }
}
