package dev.swarmmanager.web.security;

import dev.swarmmanager.security.SingleSignOnOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Single sign-on for the UI: Jakarta Security's OpenID Connect mechanism (authorization code flow), configured
 * from {@link OidcSettings} (MicroProfile Config, {@code swarm.auth.oidc.*}).
 */
@ApplicationScoped
@SingleSignOnOnly
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.issuer}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/callback",
        // false: Soteria's replay of the original request loses its parameters; SignedIn redirects instead
        redirectToOriginalResource = false,
        scopeExpression = "${oidcSettings.scopes}",
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "${oidcSettings.nameClaim}",
                callerGroupsClaim = "${oidcSettings.groupsClaim}"),
        logout = @LogoutDefinition(notifyProvider = false, redirectURI = "${baseURL}/signed-out.xhtml"))
public class SingleSignOn {
}
