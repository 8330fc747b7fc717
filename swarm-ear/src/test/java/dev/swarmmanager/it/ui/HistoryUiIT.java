package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** A viewer follows a service's History button to its timeline and narrows it to the service's tasks. */
class HistoryUiIT {

    private static Browser browser;
    private final String name = Lab.uniqueName("ui-hist");

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.VIEWER);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void removeIt() {
        Lab.removeServiceQuietly(name);
    }

    @Test
    void aServicesPageLinksToItsTimeline() {
        Lab.createWorkerService(name, 1);
        docker("service", "scale", "--detach", name + "=2");
        Lab.awaitRunning(name, 2);

        browser.open("/service.xhtml?name=" + name);
        browser.click(By.id("service-form:history"));
        browser.waitFor(driver -> driver.getCurrentUrl().contains("history.xhtml"));
        Lab.await(Duration.ofSeconds(20), () -> {
            browser.open("/history.xhtml?object=" + name);
            return browser.text(By.id("history-form:events")).contains("service " + name + " created");
        }, () -> "the service's creation on its timeline");
        assertThat(browser.find(By.id("history-form:object")).getAttribute("value")).isEqualTo(name);
        browser.screenshot("history");

        new Select(browser.find(By.id("history-form:kind"))).selectByValue("task");
        browser.click(By.id("history-form:search"));
        Lab.await(Duration.ofSeconds(10), () -> browser.driver().findElements(By.cssSelector("#history-form\\:events tbody tr")).stream()
                .allMatch(row -> row.getAttribute("class").contains("history-task")), () -> "only task entries");
        assertThat(browser.text(By.id("history-form:events"))).contains("task " + name + ".2").doesNotContain("service " + name + " created");
    }
}
