package dev.swarmmanager.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;

/**
 * The one authentication mechanism of the application, for both of its web modules. Jakarta Security allows one
 * mechanism per application, and the UI and the API need different ones, so this one picks per request:
 * <ul>
 *   <li>single sign-on: the UI signs in with the provider's OpenID Connect mechanism (Jakarta Security's), the API
 *       takes the provider's bearer tokens (MicroProfile JWT's mechanism);</li>
 *   <li>local mode: the UI shows its sign-in page and keeps the caller in the session, the API takes HTTP Basic on
 *       each request. Both check the local accounts.</li>
 * </ul>
 * The caller's groups are mapped to our roles by {@link MappedRoles} in every case: as the identity store
 * handler, and for the OpenID Connect mechanism (which uses the container's handler) by the context it is given.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** The API module's context root (swarm-ear/pom.xml). */
    static final String API_CONTEXT = "/api";
    static final String LOGIN_PAGE = "/login.xhtml";
    /**
     * Not "Basic": a browser answers a Basic challenge with a prompt and then sends the credentials with every request
     * to this server, another site's forms included. API clients send Basic credentials without being asked.
     */
    static final String LOCAL_CHALLENGE = "SwarmBasic realm=\"Swarm Manager\"";
    /** Where the local sign-in keeps the caller and the page first asked for. */
    static final String SESSION_CALLER = SignInMechanism.class.getName() + ".caller";
    public static final String SESSION_ORIGINAL_URL = SignInMechanism.class.getName() + ".original";

    @Inject
    IdentityStoreHandler identities;

    @Inject
    MappedRoles roles;

    @Inject
    BeanManager beans;

    @Inject
    LocalAccounts accounts;

    private boolean singleSignOn;
    private HttpAuthenticationMechanism bearerTokens;
    private HttpAuthenticationMechanism openIdConnect;

    @PostConstruct
    void choose() {
        singleSignOn = SignInSettings.singleSignOn();
        if (singleSignOn) {
            // The container's own mechanisms, installed because SingleSignOn and BearerTokenSignIn carry their
            // definitions; MicroProfile JWT's is the one typed as Payara's JWTAuthenticationMechanism.
            for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class)) {
                if (bean.getBeanClass() == SignInMechanism.class) {
                    continue;
                }
                var mechanism = (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                        beans.createCreationalContext(bean));
                if (isJwt(bean.getTypes())) {
                    bearerTokens = mechanism;
                } else {
                    openIdConnect = mechanism;
                }
            }
            if (bearerTokens == null || openIdConnect == null) {
                throw new IllegalStateException("single sign-on is configured but the container did not install "
                        + (bearerTokens == null ? "MicroProfile JWT's" : "the OpenID Connect") + " mechanism");
            }
        }
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        boolean api = API_CONTEXT.equals(request.getContextPath());
        if (singleSignOn) {
            if (api && context.isProtected() && bearer(request) == null) {
                return unauthorized(request, response, "Bearer");
            }
            if (api) {
                return bearerTokens.validateRequest(request, response, mappingRoles(context));
            }
            AuthenticationStatus status = openIdConnect.validateRequest(request, response, mappingRoles(context));
            if (status == AuthenticationStatus.SEND_CONTINUE && isPageNavigation(request)) {
                rememberOriginalUrl(request); // off to the provider; /callback comes back here
            }
            return status;
        }
        return api ? basic(request, response, context) : form(request, context);
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        if (singleSignOn) {
            boolean api = API_CONTEXT.equals(request.getContextPath());
            return (api ? bearerTokens : openIdConnect).secureResponse(request, response, context);
        }
        return AuthenticationStatus.SUCCESS;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (singleSignOn && !API_CONTEXT.equals(request.getContextPath())) {
            openIdConnect.cleanSubject(request, response, context);
        } else {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(SESSION_CALLER);
            }
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        }
    }

    /** Local API calls: HTTP Basic on every request, no session. */
    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = decodedBasic(header);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                String name = decoded.substring(0, colon);
                CredentialValidationResult result = identities.validate(
                        new UsernamePasswordCredential(name, decoded.substring(colon + 1)));
                if (result.getStatus() == VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
                Duration wait = accounts.retryAfter(name);
                if (!wait.isZero()) {
                    return throttled(request, response, wait);
                }
            }
            return unauthorized(request, response, LOCAL_CHALLENGE);
        }
        return context.isProtected() ? unauthorized(request, response, LOCAL_CHALLENGE) : context.doNothing();
    }

    /** Local UI: the sign-in page posts the credentials through SecurityContext.authenticate; the session keeps the caller. */
    private AuthenticationStatus form(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential) {
            CredentialValidationResult result = identities.validate(credential);
            if (result.getStatus() != VALID) {
                return AuthenticationStatus.SEND_FAILURE;
            }
            request.changeSessionId(); // no session fixation
            request.getSession().setAttribute(SESSION_CALLER,
                    new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
            return context.notifyContainerAboutLogin(result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SignedIn caller) {
            // The account as it is now: disabled or deleted ends the session, a new role applies at once.
            var groups = accounts.currentGroups(caller.name());
            if (groups.isPresent()) {
                return context.notifyContainerAboutLogin(caller.name(), RoleMapping.withIncluded(Set.of(groups.get())));
            }
            session.invalidate();
            return context.isProtected() ? context.redirect(request.getContextPath() + LOGIN_PAGE) : context.doNothing();
        }
        if (context.isProtected()) {
            if (isPageNavigation(request)) { // not the favicon or a script the sign-in page asked for
                rememberOriginalUrl(request);
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /**
     * The container's mechanisms report the caller with the provider's groups (Jakarta Security's OpenID Connect
     * mechanism does not use our identity store handler); this makes them report our roles instead.
     */
    private HttpMessageContext mappingRoles(HttpMessageContext context) {
        return new HttpMessageContextWrapper(context) {
            @Override
            public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
                return result.getStatus() == VALID
                        ? super.notifyContainerAboutLogin(result.getCallerPrincipal(), roles.roles(result))
                        : super.notifyContainerAboutLogin(result);
            }
        };
    }

    /** "Basic" and garbage after it is a failed sign-in (401), not a server error. */
    private static String decodedBasic(String header) {
        try {
            return new String(Base64.getMimeDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }

    /** 429 with Retry-After, in the API's envelope. */
    private static AuthenticationStatus throttled(HttpServletRequest request, HttpServletResponse response, Duration wait) {
        response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
        return ApiRefusals.send(request, response, 429, ApiRefusals.TOO_MANY_FAILURES);
    }

    /** 401 with the challenge, in the API's envelope (only API requests are answered so: the UI redirects). */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response, String challenge) {
        response.setHeader("WWW-Authenticate", challenge);
        return ApiRefusals.send(request, response, 401, ApiRefusals.SIGN_IN_REQUIRED);
    }

    private static void rememberOriginalUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        request.getSession().setAttribute(SESSION_ORIGINAL_URL, request.getRequestURI() + (query == null ? "" : "?" + query));
    }

    private static boolean isPageNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    private static boolean isJwt(Set<Type> types) {
        return types.stream().anyMatch(t -> t.getTypeName().endsWith("JWTAuthenticationMechanism"));
    }

    /** The locally signed-in caller, as the session keeps it. */
    record SignedIn(String name, Set<String> groups) implements Serializable {
    }
}
