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

    public static String adminPassword() {
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
