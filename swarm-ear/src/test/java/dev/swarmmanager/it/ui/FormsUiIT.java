package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The UI's forms are as strict as the API: what the API would refuse is refused next to the field in plain words,
 * never clamped or reinterpreted; a large jump asks first; what cannot succeed is not offered.
 */
class FormsUiIT {

    private static Browser browser;
    private String service;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.ADMIN);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @BeforeEach
    void createService() {
        service = Lab.uniqueName("forms");
        Lab.createWorkerService(service, 1);
    }

    @AfterEach
    void removeService() {
        Lab.removeServiceQuietly(service);
    }

    @Test
    void theScaleDialogRefusesWhatTheApiRefusesAndChangesNothing() {
        browser.open("/services.xhtml");
        browser.click(By.xpath("//tr[.//span[@class='service-name' and text()='" + service + "']]//*[contains(@class,'scale-button')]"));
        for (String[] input : new String[][] {{"100000", "between 0 and 100"}, {"2.5", "whole number"}, {"-1", "between 0 and 100"},
                {"abc", "whole number"}, {"", "Enter the number of replicas"}}) {
            browser.find(By.id("scale-form:replicas")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, input[0]);
            browser.click(By.id("scale-form:scale-confirm"));
            assertThat(browser.text(By.id("scale-form"))).as("'" + input[0] + "'").contains(input[1]);
            assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}"))
                    .as("after '" + input[0] + "'").isEqualTo("1");
        }
        browser.screenshot("services-scale-refused");

        browser.find(By.id("scale-form:replicas")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "12");
        browser.click(By.id("scale-form:scale-confirm"));
        assertThat(browser.text(By.id("scale-form:large-jump"))).contains("from 1 to 12").contains("click Scale again");
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("1");
        browser.click(By.id("scale-form:scale-confirm"));
        assertThat(browser.text(By.id("messages"))).contains("Service " + service + " scaled to 12 replicas.");
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("12");
    }

    @Test
    void theLogsPageRefusesLineCountsOutOfRangeInsteadOfChangingThem() {
        browser.open("/logs.xhtml?service=" + service);
        for (String tail : new String[] {"0", "6000", "ten"}) {
            browser.find(By.id("logs-form:tail")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, tail);
            browser.click(By.id("logs-form:show"));
            assertThat(browser.text(By.id("logs-form"))).as("'" + tail + "'").contains("Lines must be a whole number from 1 to 5000.");
            assertThat(browser.find(By.id("logs-form:tail")).getAttribute("value")).as("kept as typed").isEqualTo(tail);
        }
    }

    @Test
    void anOpenTasksDialogFollowsTheChanges() {
        browser.open("/services.xhtml");
        browser.click(By.xpath("//tr[.//span[@class='service-name' and text()='" + service + "']]//*[contains(@class,'tasks-button')]"));
        browser.waitFor(d -> browser.text(By.id("tasks-form:tasks")).contains(service + ".1"));
        assertThat(browser.text(By.id("tasks-form:tasks"))).doesNotContain(service + ".2");
        docker("service", "scale", "--detach", service + "=2");
        browser.waitFor(d -> browser.text(By.id("tasks-form:tasks")).contains(service + ".2"));
        assertThat(browser.find(By.id("tasks-dialog")).isDisplayed()).as("still open, redrawn in place").isTrue();
    }

    @Test
    void drainingTheLastActiveNodeAsksFirst() {
        try {
            docker("node", "update", "--availability", "drain", "worker1");
            docker("node", "update", "--availability", "drain", "worker2");
            // Reloaded until the mirror shows both drains: a change that lands between the page's render and its change
            // feed's subscription reaches the page only at the next change
            Lab.await(Duration.ofSeconds(30), () -> {
                browser.open("/nodes.xhtml");
                return browser.text(By.cssSelector("tr.node-worker2")).contains("drain")
                        && browser.text(By.cssSelector("tr.node-worker1")).contains("drain");
            }, () -> "the nodes page to show both workers drained");
            browser.click(By.cssSelector("tr.node-manager1 .drain-button"));
            assertThat(browser.text(By.id("messages"))).contains("manager1 is the last active node").contains("Click again to confirm");
            assertThat(docker("node", "inspect", "manager1", "--format", "{{.Spec.Availability}}")).isEqualTo("active");
            browser.click(By.cssSelector("tr.node-manager1 .drain-button"));
            assertThat(browser.text(By.id("messages"))).contains("manager1");
            assertThat(docker("node", "inspect", "manager1", "--format", "{{.Spec.Availability}}")).isEqualTo("drain");
        } finally {
            for (String node : new String[] {"manager1", "worker1", "worker2"}) {
                docker("node", "update", "--availability", "active", node);
            }
        }
    }

    @Test
    void removingAManagerIsNotOffered() {
        browser.open("/nodes.xhtml");
        assertThat(browser.driver().findElements(By.xpath("//tr[contains(@class,'node-manager1')]//*[contains(@class,'remove-node-button')]")))
                .isEmpty();
        assertThat(browser.driver().findElements(By.xpath("//tr[contains(@class,'node-worker1')]//*[contains(@class,'remove-node-button')]")))
                .hasSize(1);
    }
}
