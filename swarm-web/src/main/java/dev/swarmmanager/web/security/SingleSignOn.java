package dev.swarmmanager.web.security;

import dev.swarmmanager.security.SingleSignOnDefinitions;
import dev.swarmmanager.security.SingleSignOnOnly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Single sign-on for the UI: Jakarta Security's OpenID Connect mechanism (authorization code flow), configured
 * from {@link OidcSettings} (MicroProfile Config, {@code swarm.auth.oidc.*}). The mechanism's definition is on
 * {@link OpenIdConnect}, which {@code SignInMode} hands to this bean when single sign-on is on
 * ({@link SingleSignOnDefinitions}): in local mode no type carries it.
 */
@ApplicationScoped
@SingleSignOnOnly
@SingleSignOnDefinitions(SingleSignOn.OpenIdConnect.class)
public class SingleSignOn {

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
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface OpenIdConnect {
    }
}
