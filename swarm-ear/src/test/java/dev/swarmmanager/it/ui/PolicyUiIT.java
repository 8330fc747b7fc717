package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The deployment policy in the UI, for an operator: violations beside their lines before deploying; privileged services marked. */
class PolicyUiIT {

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.OPERATOR);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void theStackPageShowsViolationsBesideTheirLinesAndDeploysNothing() {
        String stack = Lab.uniqueName("uipolicy");
        browser.open("/stacks.xhtml");
        browser.find(By.id("deploy-form:stack-name")).sendKeys(stack);
        browser.find(By.id("deploy-form:compose-file")).sendKeys("services:\n  c:\n    image: ocr-worker:1.0\n    cap_add: [ALL]\n"
                + "    deploy:\n      placement:\n        constraints: [node.role == manager]\n");
        browser.click(By.id("deploy-form:check"));
        assertThat(browser.text(By.id("messages"))).contains("checked, nothing changed").contains("2 policy violation(s)");
        String violations = browser.text(By.id("violations"));
        assertThat(violations).contains("would refuse").contains("line 4").contains("cap_add: [ALL]").contains("capabilities")
                .contains("line 7").contains("manager-placement");
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('violations').scrollIntoView({block: 'center'})");
        browser.screenshot("stacks-policy-check");

        browser.click(By.id("deploy-form:deploy"));
        assertThat(browser.text(By.id("messages"))).contains("deployment policy does not allow this for your role");
        assertThat(browser.text(By.id("violations"))).contains("refuses").contains("line 4");
        assertThat(docker("service", "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "-q")).isEmpty();
    }

    @Test
    void aServiceHoldingHostPrivilegesIsMarkedAndNotOfferedToOperatorsForChange() {
        String privileged = Lab.uniqueName("uisocket");
        String plain = Lab.uniqueName("uiplain");
        try {
            docker("service", "create", "--detach", "--name", privileged, "--replicas", "1", "--stop-grace-period", "2s",
                    "--mount", "type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock", "ocr-worker:1.0");
            Lab.createWorkerService(plain, 1);
            Lab.await(Duration.ofSeconds(15), () -> Api.get("/api/swarm/services?name=" + privileged).json().getInt("count") == 1,
                    () -> privileged + " in the mirror");
            browser.open("/services.xhtml");
            browser.waitFor(d -> browser.text(By.id("services-form:services")).contains(privileged));
            assertThat(browser.find(row(privileged, "privileged-badge")).getAttribute("title")).contains("bind-mounts /var/run/docker.sock");
            assertThat(browser.driver().findElements(row(privileged, "scale-button"))).isEmpty();
            assertThat(browser.driver().findElements(row(privileged, "image-button"))).isEmpty();
            assertThat(browser.driver().findElements(row(plain, "scale-button"))).hasSize(1);
            assertThat(browser.driver().findElements(row(plain, "privileged-badge"))).isEmpty();
            browser.screenshot("services-privileged");
        } finally {
            Lab.removeServiceQuietly(privileged);
            Lab.removeServiceQuietly(plain);
        }
    }

    private static By row(String service, String cssClass) {
        return By.xpath("//tr[.//span[@class='service-name' and text()='" + service + "']]//*[contains(@class,'" + cssClass + "')]");
    }
}
