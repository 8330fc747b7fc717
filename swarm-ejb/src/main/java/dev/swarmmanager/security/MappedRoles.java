package dev.swarmmanager.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.openid.IdentityToken;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.security.Principal;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static jakarta.security.enterprise.identitystore.IdentityStore.ValidationType.VALIDATE;

/**
 * Replaces the container's identity store handler so that a signed-in caller's groups are exactly our roles. The
 * identity stores (the provider's tokens, or local accounts) say who the caller is and which groups they are in;
 * {@link RoleMapping} turns those groups into roles. The default handler would add the mapped roles to the
 * provider's groups, so a provider group named like one of our roles would grant it.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class MappedRoles implements IdentityStoreHandler {

    private static final Logger LOG = Logger.getLogger(MappedRoles.class.getName());

    @Inject
    @Any
    Instance<IdentityStore> stores;

    /** The UI's OpenID Connect tokens, while the provider's sign-in is validated. */
    @Inject
    Instance<OpenIdContext> openId;

    // Read on first use, not at construction: beans that only ask for a caller's groups need no configuration yet.
    private volatile RoleMapping mapping;
    private volatile String groupsClaim;

    private RoleMapping mapping() {
        if (mapping == null) {
            mapping = SignInSettings.roleMapping();
        }
        return mapping;
    }

    private String groupsClaim() {
        if (groupsClaim == null) {
            groupsClaim = SignInSettings.groupsClaim();
        }
        return groupsClaim;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        CredentialValidationResult outcome = CredentialValidationResult.NOT_VALIDATED_RESULT;
        for (IdentityStore store : stores.stream()
                .filter(s -> s.validationTypes().contains(VALIDATE))
                .sorted(Comparator.comparingInt(IdentityStore::priority)).toList()) {
            CredentialValidationResult result = store.validate(credential);
            if (result.getStatus() == VALID) {
                // Local accounts hold our role names; everyone else's groups are the provider's.
                return new Mapped(result.getCallerPrincipal(), store instanceof LocalIdentityStore
                        ? RoleMapping.withIncluded(result.getCallerGroups()) : roles(result));
            }
            if (result.getStatus() == CredentialValidationResult.Status.INVALID) {
                outcome = result;
            }
        }
        return outcome;
    }

    /** Our roles for a caller the provider vouched for. */
    public Set<String> roles(CredentialValidationResult result) {
        if (result instanceof Mapped) {
            return result.getCallerGroups();
        }
        Set<String> groups = groups(result);
        Set<String> roles = mapping().roles(groups);
        LOG.fine(() -> result.getCallerPrincipal().getName() + ": groups " + groups + " → roles " + roles);
        return roles;
    }

    /** A result whose groups are already our roles. */
    static final class Mapped extends CredentialValidationResult {
        Mapped(jakarta.security.enterprise.CallerPrincipal caller, Set<String> roles) {
            super(caller, roles);
        }
    }

    /**
     * The store's groups, plus the configured claim of a bearer token (MicroProfile JWT reads only "groups") or of
     * the ID token (Jakarta Security reads groups from the access token only, where many providers put none).
     */
    private Set<String> groups(CredentialValidationResult result) {
        return groups(result.getCallerPrincipal(), result.getCallerGroups());
    }

    /**
     * The provider's groups of the caller signed in now, as the tokens say (their claim, not our roles): empty for
     * a local account, whose groups are our role names.
     */
    public Set<String> providerGroups(Principal caller) {
        return caller == null ? Set.of() : groups(caller, Set.of());
    }

    private Set<String> groups(Principal caller, Set<String> storeGroups) {
        Set<String> groups = new HashSet<>(storeGroups);
        if (caller != null && openId.isResolvable()) {
            try {
                IdentityToken idToken = openId.get().getIdentityToken();
                if (idToken != null) {
                    groups.addAll(idToken.getJwtClaims().getArrayStringClaim(groupsClaim()));
                }
            } catch (RuntimeException notSignedInWithOpenIdConnect) {
                // no OpenID Connect context in this request (a bearer token or a local account)
            }
        }
        Object claim = caller instanceof JsonWebToken token ? token.getClaim(groupsClaim()) : null;
        if (claim != null) {
            if (claim instanceof Collection<?> values) {
                values.forEach(v -> groups.add(unquote(String.valueOf(v))));
            } else {
                groups.add(unquote(String.valueOf(claim)));
            }
        }
        return groups;
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
