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
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * A viewer reads where the cluster's CPU goes on the Resources page, follows a node to its page (its tasks and what
 * they reserve), asks whether more replicas fit, and measures a service's tasks on its page.
 */
class ResourcesUiIT {

    private static Browser browser;
    private final String name = Lab.uniqueName("ui-res");

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.VIEWER);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void removeTheService() {
        Lab.removeServiceQuietly(name);
    }

    @Test
    void reservationsShowPerNodeOnTheNodesPageAndTheHeadroomIsAnswered() {
        docker("service", "create", "--detach", "--name", name, "--replicas", "1", "--constraint", "node.hostname == worker2",
                "--reserve-cpu", "0.5", "--reserve-memory", "64M", "--limit-memory", "96M", "--stop-grace-period", "1s", "ocr-worker:1.0");
        Lab.awaitRunning(name, 1);
        String reserved = docker("node", "ps", "worker2", "--filter", "desired-state=running", "--format", "{{.Name}}").lines()
                .map(t -> t.substring(0, t.lastIndexOf('.'))).map(s -> docker("service", "inspect", s, "--format",
                        "{{if .Spec.TaskTemplate.Resources}}{{if .Spec.TaskTemplate.Resources.Reservations}}{{.Spec.TaskTemplate.Resources.Reservations.NanoCPUs}}{{end}}{{end}}"))
                .filter(n -> !n.isBlank()).map(java.math.BigDecimal::new).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .movePointLeft(9).toPlainString();

        Lab.await(Duration.ofSeconds(20), () -> {
            browser.open("/resources.xhtml");
            return browser.text(By.cssSelector("tr.node-worker2 .cpu-reserved .value")).startsWith(trimmed(reserved) + " / ");
        }, () -> "worker2's row to show " + reserved + " CPUs reserved; it shows "
                + browser.text(By.cssSelector("tr.node-worker2 .cpu-reserved .value")));
        browser.screenshot("resources");

        browser.click(By.cssSelector("tr.node-worker2 a.node-link"));
        assertThat(browser.text(By.id("node-hostname"))).isEqualTo("worker2");
        assertThat(browser.text(By.cssSelector("#node-capacity .cpu-reserved .value"))).startsWith(trimmed(reserved) + " of ");
        assertThat(browser.text(By.id("node-tasks"))).contains(name);
        browser.screenshot("node");

        browser.open("/resources.xhtml");
        new Select(browser.find(By.id("headroom-form:headroom-service"))).selectByVisibleText(name);
        browser.find(By.id("headroom-form:headroom-replicas")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "100000");
        browser.click(By.id("headroom-form:headroom-judge"));
        assertThat(browser.text(By.id("headroom-verdict"))).startsWith("100000 more of " + name + " do not fit");
        assertThat(browser.text(By.id("headroom-form:headroom-nodes"))).contains("constraint node.hostname == worker2");

        browser.open("/service.xhtml?name=" + name);
        assertThat(browser.text(By.id("service-resources"))).contains("Each task reserves CPU 0.5, memory 64 MiB; its limits: CPU none, memory 96 MiB.");
        browser.click(By.id("service-form:measure"));
        assertThat(browser.text(By.id("service-form:measurement"))).contains("Measured on manager1")
                .contains("Partial: 1 running tasks are on other nodes");
    }

    /** CPUs as the page prints them: at most three decimals, no trailing zeros. */
    private static String trimmed(String cpus) {
        return new java.math.BigDecimal(cpus).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
