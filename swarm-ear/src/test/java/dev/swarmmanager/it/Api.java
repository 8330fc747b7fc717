package dev.swarmmanager.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A black-box client of the deployed application, as a script or a JAX-RS client would use it. The static
 * methods call as an admin with a bearer token from the test's identity provider; {@link #as} calls as someone
 * else, or as no one.
 */
public final class Api {

    public static final String BASE = System.getProperty("swarm.it.base-url", "http://localhost:8080");
    // HTTP/1.1 as browsers speak it on plain http: Java's client would otherwise ask to upgrade to h2c, and an h2c
    // connection Payara closed under a reused stream failed a CI run with "EOF reached while reading"
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The value of the Authorization header, or null for an anonymous caller. */
    private final String authorization;
    private final String base;

    private Api(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    private static Api admin;

    private static synchronized Api admin() {
        if (admin == null) {
            admin = as(IdentityProvider.User.ADMIN);
        }
        return admin;
    }

    /** A client that signs in as {@code user}. */
    public static Api as(IdentityProvider.User user) {
        return new Api(BASE, authorization(user));
    }

    /**
     * How the server under test signs API callers in ({@code swarm.it.sign-in}): with the provider's bearer tokens
     * (single sign-on, the default), or, on a server in local mode (the second Jakarta EE server, docker/liberty), with
     * HTTP Basic and local accounts named and given roles as the provider's users are.
     */
    public static final boolean LOCAL_SIGN_IN = "local".equals(System.getProperty("swarm.it.sign-in", "oidc"));

    /** The server under test ({@code swarm.it.server}): payara, or liberty (docker/liberty/try-liberty). */
    public static final String SERVER = System.getProperty("swarm.it.server", "payara");

    /** The name the server knows {@code user} by (in the audit log): in local mode the admin is the server's first one. */
    public static String userName(IdentityProvider.User user) {
        return LOCAL_SIGN_IN ? LocalServer.account(BASE, user).name() : user.name;
    }

    /** The Authorization header {@code user} sends. */
    public static String authorization(IdentityProvider.User user) {
        if (LOCAL_SIGN_IN) {
            LocalServer.Account account = LocalServer.account(BASE, user);
            return LocalServer.basic(account.name(), account.password());
        }
        return "Bearer " + IdentityProvider.token(user);
    }

    /** A client that sends no credentials. */
    public static Api anonymous() {
        return new Api(BASE, null);
    }

    /** A client of another server, with any Authorization header (Basic for local mode). */
    public static Api of(String base, String authorization) {
        return new Api(base, authorization);
    }

    /** The admin's Authorization header, for requests built by hand (streams, other content types). */
    public static String adminAuthorization() {
        return admin().authorization;
    }

    public Answer call(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return sendAs(request);
    }

    public Answer sendAs(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return exchange(request);
    }

    /** An answer: its status, its raw body, and the body as JSON when it is JSON. */
    public record Answer(int status, String body, String contentType, String location, java.net.http.HttpHeaders headers) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String error() {
            return json().getString("error");
        }
    }

    /**
     * Waits until the API lists the service with {@code replicas} desired and running: what is done with the docker
     * CLI reaches the server's mirror through Docker's events, a moment later.
     */
    public static void awaitListed(String service, int replicas) {
        dev.swarmmanager.lab.Lab.await(Duration.ofSeconds(15), () -> get("/api/swarm/services?name=" + service).json()
                        .getJsonArray("data").getValuesAs(JsonObject.class).stream()
                        .anyMatch(s -> s.getString("name").equals(service) && s.getInt("desired_replicas") == replicas
                                && s.getInt("running_replicas") == replicas),
                () -> service + " listed with " + replicas + " running replicas");
    }

    public static Answer get(String path) {
        return admin().call("GET", path, null);
    }

    public static Answer post(String path, String json) {
        return admin().call("POST", path, json);
    }

    public static Answer put(String path, String json) {
        return admin().call("PUT", path, json);
    }

    public static Answer delete(String path) {
        return admin().call("DELETE", path, null);
    }

    /** Sends a request built by hand, as the admin. */
    public static Answer send(HttpRequest.Builder request) {
        return admin().sendAs(request);
    }

    private static Answer exchange(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.headers());
        } catch (IOException e) {
            throw new AssertionError("no answer from " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static URI uri(String path) {
        return URI.create(BASE + path);
    }
}
