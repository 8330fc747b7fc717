package dev.swarmmanager.it.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.LocalServer;
import dev.swarmmanager.lab.Lab;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The Users page of the local-mode server: an admin adds a user with a role and disables it; the user then cannot sign in. */
class UsersUiIT {

    private static final String BASE = LocalServer.BASE;
    private static final String PASSWORD = "a long enough passphrase";

    @Test
    void anAdminAddsAUserWhoSignsInWithTheRoleAndCannotOnceDisabled() {
        String name = Lab.uniqueName("uma");
        String admin = LocalServer.adminPassword();
        try (Browser browser = new Browser(); Browser other = new Browser()) {
            signIn(browser, "admin", admin);
            browser.openAt(BASE, "/users.xhtml");
            browser.find(By.id("add-user-form:name")).sendKeys(name);
            browser.find(By.id("add-user-form:password")).sendKeys(PASSWORD);
            browser.click(By.id("add-user-form:add-user"));
            assertThat(browser.text(By.id("messages"))).contains("User " + name + " added as viewer.");
            assertThat(browser.text(By.id("users-form:users"))).contains(name, "viewer", "enabled");

            signIn(other, name, PASSWORD);
            assertThat(other.text(By.id("user-role"))).isEqualToIgnoringCase("viewer");

            browser.click(By.xpath("//tr[.//span[@class='user-name' and text()='" + name + "']]//*[contains(@class,'disable-button')]"));
            assertThat(browser.text(By.id("messages"))).contains("User " + name + " is disabled");
            assertThat(browser.text(By.id("users-form:users"))).contains("disabled");
            browser.screenshot("users");

            other.openAt(BASE, "/services.xhtml");
            assertThat(other.driver().getCurrentUrl()).as("the open session ends at its next request").endsWith("/login.xhtml");
            signIn(other, name, PASSWORD);
            assertThat(other.pageText()).contains("Wrong user name or password");
        } finally {
            LocalServer.admin().call("DELETE", "/api/swarm/users/" + name, null);
        }
    }

    private static void signIn(Browser browser, String user, String password) {
        browser.openAt(BASE, "/login.xhtml");
        browser.find(By.id("sign-in-form:user")).sendKeys(user);
        browser.find(By.id("sign-in-form:password")).sendKeys(password);
        browser.click(By.id("sign-in-form:sign-in"));
    }
}
