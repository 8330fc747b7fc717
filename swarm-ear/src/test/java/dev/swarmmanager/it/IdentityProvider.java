package dev.swarmmanager.it;

import com.nimbusds.jose.JOSEObjectType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * The company's OpenID Connect provider, for the tests: mock-oauth2-server on loopback, at the issuer the server
 * under test is configured with (swarm-ear/pom.xml). It signs real tokens with its own keys and serves an
 * interactive sign-in page where the test types the user and the claims. Started once, by the first test that
 * needs a token or a browser sign-in; the server under test fetches its metadata and keys lazily.
 */
public final class IdentityProvider {

    public static final String ISSUER = System.getProperty("swarm.it.oidc-issuer", "http://localhost:18090/swarm");
    public static final String CLIENT_ID = "swarm-manager";
    private static final String ISSUER_ID = ISSUER.substring(ISSUER.lastIndexOf('/') + 1);

    private static MockOAuth2Server server;

    private IdentityProvider() {
    }

    /** A user of the company, in the provider's groups that swarm-ear/pom.xml maps to our roles. */
    public enum User {
        VIEWER("vera", "swarm-viewers"),
        OPERATOR("oscar", "swarm-operators"),
        ADMIN("ada", "swarm-admins"),
        /** Signed in, but in no group that grants a role. */
        NOBODY("nick", "admin");

        public final String name;
        public final String group;

        User(String name, String group) {
            this.name = name;
            this.group = group;
        }
    }

    public static synchronized void start() {
        if (server == null) {
            server = new MockOAuth2Server(new OAuth2Config(true));
            try {
                java.net.URI issuer = java.net.URI.create(ISSUER);
                server.start(InetAddress.getByName(issuer.getHost()), issuer.getPort());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A signed access token for {@code user}, valid for an hour, for the API's audience. */
    public static String token(User user) {
        return token(user.name, List.of(user.group), CLIENT_ID, 3600);
    }

    public static String token(String subject, List<String> groups, String audience, long expirySeconds) {
        return token(ISSUER_ID, subject, groups, audience, expirySeconds);
    }

    /** A token from another issuer of the same provider: its own keys, another {@code iss}. */
    public static String tokenFromAnotherIssuer(User user) {
        return token("elsewhere", user.name, List.of(user.group), CLIENT_ID, 3600);
    }

    private static String token(String issuerId, String subject, List<String> groups, String audience, long expirySeconds) {
        start();
        return server.issueToken(issuerId, CLIENT_ID, new DefaultOAuth2TokenCallback(issuerId, subject,
                JOSEObjectType.JWT.getType(), List.of(audience),
                Map.of("groups", groups, "preferred_username", subject), expirySeconds)).serialize();
    }

    /** What the provider's sign-in page should put in the ID token for {@code user}, as its form takes it. */
    public static String claimsJson(User user) {
        return "{\"preferred_username\":\"" + user.name + "\",\"groups\":[\"" + user.group + "\"]}";
    }
}
