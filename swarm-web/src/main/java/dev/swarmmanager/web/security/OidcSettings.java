package dev.swarmmanager.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provider's settings, for the expressions of {@link SingleSignOn}. Only read when single sign-on is on
 * ({@code swarm.auth.oidc.issuer} set).
 */
@Named
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "swarm.auth.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "swarm.auth.oidc.client-id", defaultValue = "swarm-manager")
    String clientId;

    @Inject
    @ConfigProperty(name = "swarm.auth.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "swarm.auth.oidc.scopes", defaultValue = "openid profile email")
    String scopes;

    @Inject
    @ConfigProperty(name = "swarm.auth.oidc.name-claim", defaultValue = "preferred_username")
    String nameClaim;

    @Inject
    @ConfigProperty(name = "swarm.auth.oidc.groups-claim", defaultValue = "groups")
    String groupsClaim;

    public String getIssuer() {
        return issuer.orElse("");
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret.orElse("");
    }

    public String getScopes() {
        return scopes;
    }

    public String getNameClaim() {
        return nameClaim;
    }

    public String getGroupsClaim() {
        return groupsClaim;
    }
}
