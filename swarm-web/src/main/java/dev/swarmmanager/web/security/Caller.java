package dev.swarmmanager.web.security;

import dev.swarmmanager.domain.Role;
import dev.swarmmanager.security.ClusterRoles;
import dev.swarmmanager.security.SignInSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;

/**
 * The signed-in user, for the pages: who they are and what they may do, so that actions their role does not allow
 * are not offered (the EJBs refuse them anyway).
 */
@Named
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    /** The roles on the Swarm the pages show, which that Swarm's own group mapping may narrow. */
    @Inject
    ClusterRoles clusterRoles;

    public String getName() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    /** The highest of the caller's roles on the Swarm shown, as the header says. */
    public String getRole() {
        return Arrays.stream(Role.values()).filter(this::has).reduce((a, b) -> b).map(Role::toString).orElse("none");
    }

    public boolean isOperator() {
        return has(Role.OPERATOR);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isSingleSignOn() {
        return SignInSettings.singleSignOn();
    }

    /** Ends the session here (the provider's own session, if any, is the provider's) and shows the signed-out page. */
    public void signOut() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        if (external.isResponseCommitted()) {
            faces.responseComplete(); // the OpenID Connect mechanism redirected to the signed-out page itself
        } else {
            external.redirect(external.getRequestContextPath() + "/signed-out.xhtml");
        }
    }

    private boolean has(Role role) {
        return clusterRoles.has(role);
    }
}
