package dev.swarmmanager.rest.security;

import dev.swarmmanager.security.SingleSignOnOnly;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * With single sign-on, API clients send the provider's access token as a bearer token: MicroProfile JWT checks its
 * signature against the provider's keys, its issuer, audience and expiry ({@code mp.jwt.verify.*}; docker/payara
 * derives them from {@code SWARM_AUTH_OIDC_*}, README "Sign-in" says how). No session is kept.
 */
@ApplicationScoped
@SingleSignOnOnly
@LoginConfig(authMethod = "MP-JWT")
public class BearerTokenSignIn {
}
