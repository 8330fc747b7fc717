package dev.swarmmanager.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second test server, in local mode as the default run is: its address, and the admin's password generated at its
 * first start and printed once to its log.
 */
public final class LocalServer {

    public static final String BASE = System.getProperty("swarm.it.local.base-url", "http://127.0.0.1:28080");
    public static final Path LOG = Path.of(System.getProperty("swarm.it.local.server-log",
            "target/payara-local/payara6/glassfish/domains/domain1/logs/server.log"));

    private LocalServer() {
    }

    /**
     * Set when the server was started with a chosen admin password (docker/liberty/try-liberty) rather than a generated
     * one: from the environment, which neither a command line nor the tests' reports show.
     */
    private static final String CHOSEN_ADMIN_PASSWORD = java.util.Objects.requireNonNullElse(
            System.getenv("SWARM_IT_LOCAL_ADMIN_PASSWORD"), "");

    public static String adminPassword() {
        if (!CHOSEN_ADMIN_PASSWORD.isEmpty()) {
            return CHOSEN_ADMIN_PASSWORD;
        }
        try {
            Matcher printed = Pattern.compile("password: (\\S+)").matcher(Files.readString(LOG, StandardCharsets.UTF_8));
            assertThat(printed.find()).as("the generated password is in the server log").isTrue();
            return printed.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A client of the local server signed in as its admin. */
    public static Api admin() {
        return Api.of(BASE, basic("admin", adminPassword()));
    }

    private static final java.util.Set<IdentityProvider.User> CREATED = java.util.EnumSet.noneOf(IdentityProvider.User.class);

    /** A local account's name and password. */
    public record Account(String name, String password) {
    }

    /**
     * The local account standing in for one of the provider's users on the server at {@code base}: the same name and
     * the role its group is mapped to, created by the admin on first use. The admin is the one the server started with:
     * a second one would let a test disable or demote "the last admin".
     */
    public static synchronized Account account(String base, IdentityProvider.User user) {
        String role = switch (user) {
            case VIEWER -> "viewer";
            case OPERATOR -> "operator";
            case ADMIN -> null;
            case NOBODY -> throw new org.opentest4j.TestAbortedException(
                    "a local account always has a role: no one is signed in without one in local mode");
        };
        if (role == null) {
            return new Account("admin", adminPassword());
        }
        Account account = new Account(user.name, "a passphrase for " + user.name + " in the tests");
        if (CREATED.add(user)) {
            Api.Answer created = Api.of(base, basic("admin", adminPassword())).call("POST", "/api/swarm/users",
                    jakarta.json.Json.createObjectBuilder().add("name", account.name()).add("role", role)
                            .add("password", account.password()).build().toString());
            assertThat(created.status()).as("local account %s: %s", user.name, created.body()).isIn(201, 409);
        }
        return account;
    }

    static final String DATABASE = System.getProperty("swarm.it.postgres.database", "swarm_manager_it");

    /** A query against the local server's PostgreSQL database with psql, as a DBA would check it. */
    public static String psql(String sql) {
        try {
            ProcessBuilder builder = new ProcessBuilder(java.util.List.of("psql", "-h", "127.0.0.1", "-U", DATABASE, "-d", DATABASE,
                    "-At", "-c", sql)).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", DATABASE);
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertThat(process.waitFor()).as(out).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
