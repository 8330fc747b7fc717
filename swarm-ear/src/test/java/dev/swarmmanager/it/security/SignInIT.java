package dev.swarmmanager.it.security;

import static dev.swarmmanager.lab.Lab.createWorkerService;
import static dev.swarmmanager.lab.Lab.removeServiceQuietly;
import static dev.swarmmanager.lab.Lab.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.it.ui.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Single sign-on in a browser: the provider's sign-in page, what an operator is offered, signing out. */
class SignInIT {

    @Test
    void anOperatorSignsInThroughTheProviderCanScaleButIsNotOfferedRemovalAndSignsOut() {
        String service = uniqueName("sso");
        createWorkerService(service, 1);
        try (Browser browser = new Browser()) {
            browser.signIn(User.OPERATOR);
            assertThat(browser.text(By.id("user-name"))).isEqualTo(User.OPERATOR.name);
            assertThat(browser.text(By.id("user-role"))).isEqualToIgnoringCase("operator");
            assertThat(browser.driver().findElements(By.id("nav-audit"))).as("audit log link").isEmpty();
            assertThat(browser.pageText()).as("the Docker host is for admins").doesNotContain("Docker host");

            browser.open("/services.xhtml");
            String row = "//tr[.//span[@class='service-name' and text()='" + service + "']]";
            browser.find(By.xpath(row));
            assertThat(browser.driver().findElements(By.xpath(row + "//button[contains(@class,'scale-button')]"))).hasSize(1);
            assertThat(browser.driver().findElements(By.xpath(row + "//button[contains(@class,'remove-button')]"))).isEmpty();

            browser.click(By.xpath(row + "//button[contains(@class,'scale-button')]"));
            var replicas = browser.find(By.id("scale-form:replicas"));
            replicas.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "2");
            browser.click(By.id("scale-form:scale-confirm"));
            dev.swarmmanager.lab.Lab.awaitRunning(service, 2);
            assertThat(Api.get("/api/swarm/audit?target=" + service).json().getJsonArray("data").getJsonObject(0)
                    .getString("user")).isEqualTo(User.OPERATOR.name);

            browser.click(By.id("user-form:sign-out"));
            assertThat(browser.text(By.id("signed-out"))).contains("signed out");
            browser.driver().get(Api.BASE + "/services.xhtml");
            browser.waitFor(d -> d.getCurrentUrl().startsWith(IdentityProvider.ISSUER));
        } finally {
            removeServiceQuietly(service);
        }
    }
}
