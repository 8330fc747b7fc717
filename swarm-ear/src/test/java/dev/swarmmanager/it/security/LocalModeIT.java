package dev.swarmmanager.it.security;

import static dev.swarmmanager.lab.Lab.createWorkerService;
import static dev.swarmmanager.lab.Lab.removeServiceQuietly;
import static dev.swarmmanager.lab.Lab.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.LocalServer;
import dev.swarmmanager.it.ui.Browser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The second test server runs as the default run does: no provider configured, so local accounts, with the admin's
 * password generated at first start and printed once to the server log; its database is PostgreSQL.
 */
class LocalModeIT {

    static final String BASE = LocalServer.BASE;
    static final Path LOG = LocalServer.LOG;
    static final String DATABASE = System.getProperty("swarm.it.postgres.database", "swarm_manager_it");

    private static String password;

    @BeforeAll
    static void readGeneratedPassword() throws IOException {
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        Matcher printed = Pattern.compile("password: (\\S+)").matcher(log);
        assertThat(printed.find()).as("the generated password is in the server log").isTrue();
        password = printed.group(1);
        assertThat(printed.find()).as("printed once").isFalse();
    }

    @Test
    void theApiTakesTheAdminsPasswordWithBasicAndNothingElse() {
        Api.Answer anonymous = Api.of(BASE, null).call("GET", "/api/swarm/services", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error()).contains("sign-in required");
        assertThat(Api.of(BASE, basic("admin", "admin")).call("GET", "/api/swarm/services", null).status()).isEqualTo(401);
        assertThat(Api.of(BASE, basic("admin", password + "x")).call("GET", "/api/swarm/services", null).status()).isEqualTo(401);
        assertThat(Api.of(BASE, basic("admin", password)).call("GET", "/api/swarm/services", null).status()).isEqualTo(200);
        // a success is remembered for a while (PBKDF2 is slow on purpose), never in a way that lets a near miss in
        assertThat(Api.of(BASE, basic("admin", password + "x")).call("GET", "/api/swarm/services", null).status()).isEqualTo(401);
        assertThat(Api.of(BASE, basic("admin", password.substring(1))).call("GET", "/api/swarm/services", null).status()).isEqualTo(401);
        assertThat(Api.of(BASE, basic("admin", password)).call("GET", "/api/swarm/services", null).status()).isEqualTo(200);
    }

    @Test
    void onlyAPbkdf2HashOfThePasswordIsStored() {
        String hash = psql("SELECT password_hash FROM swarm_account WHERE name = 'admin'");
        assertThat(hash).startsWith("PBKDF2WithHmacSHA256:600000:").doesNotContain(password);
    }

    @Test
    void changesAreAuditedInPostgresql() {
        String service = uniqueName("local-audit");
        createWorkerService(service, 1);
        try {
            Api admin = Api.of(BASE, basic("admin", password));
            assertThat(admin.call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":2}").status()).isEqualTo(200);
            assertThat(admin.call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":-1}").status()).isEqualTo(400);

            assertThat(psql("SELECT user_name || ' ' || action_name || ' ' || outcome FROM swarm_audit WHERE target = '"
                    + service + "' ORDER BY id").lines().toList())
                    .containsExactly("admin services.scale SUCCEEDED", "admin services.scale FAILED");
            assertThat(admin.call("GET", "/api/swarm/audit?target=" + service, null).json().getInt("total")).isEqualTo(2);
        } finally {
            removeServiceQuietly(service);
        }
    }

    @Test
    void theUiSignsInWithTheLocalFormAndSignsOut() {
        try (Browser browser = new Browser()) {
            browser.openAt(BASE, "/services.xhtml");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login.xhtml");
            browser.screenshot("sign-in");
            browser.find(By.id("sign-in-form:user")).sendKeys("admin");
            browser.find(By.id("sign-in-form:password")).sendKeys("not-the-password");
            browser.click(By.id("sign-in-form:sign-in"));
            assertThat(browser.pageText()).contains("Wrong user name or password");

            browser.find(By.id("sign-in-form:user")).clear();
            browser.find(By.id("sign-in-form:user")).sendKeys("admin");
            browser.find(By.id("sign-in-form:password")).sendKeys(password);
            browser.click(By.id("sign-in-form:sign-in"));
            assertThat(browser.driver().getCurrentUrl()).as("back to the page first asked for").endsWith("/services.xhtml");
            assertThat(browser.text(By.id("user-name"))).isEqualTo("admin");
            assertThat(browser.text(By.id("user-role"))).isEqualToIgnoringCase("admin");

            browser.click(By.id("user-form:sign-out"));
            assertThat(browser.text(By.id("signed-out"))).contains("signed out");
            browser.openAt(BASE, "/services.xhtml");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login.xhtml");
        }
    }

    static String basic(String user, String password) {
        return LocalServer.basic(user, password);
    }

    static String psql(String sql) {
        return LocalServer.psql(sql);
    }
}
