package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A scaling policy on the CPU its tasks use, set from the service page: the idle tasks of a service on the manager (the
 * Engine that measures them) carry far less than the target, so the autoscaler scales it down to its minimum; the page
 * then shows the decision and draws it.
 */
class AutoscalingUiIT {

    private static Browser browser;
    private final String name = Lab.uniqueName("ui-auto");

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.ADMIN);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void removeIt() {
        Api.as(IdentityProvider.User.ADMIN).call("DELETE", "/api/swarm/scaling-policies/" + name, null);
        Lab.removeServiceQuietly(name);
    }

    @Test
    void aCpuPolicySetOnTheServicePageScalesIdleTasksDownAndIsDrawn() {
        // On the manager: the Engine Swarm Manager is connected to measures those tasks (placement there is for admins).
        Api.Answer created = Api.as(IdentityProvider.User.ADMIN).call("POST", "/api/swarm/services", "{\"name\":\"" + name
                + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":2,"
                + "\"placement\":{\"constraints\":[\"node.role == manager\"]}}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Lab.awaitRunning(name, 2);

        browser.open("/service.xhtml?name=" + name);
        assertThat(browser.text(By.id("no-policy"))).contains("No scaling policy");
        browser.click(By.id("service-form:edit-policy"));
        browser.find(By.id("policy-form:policy")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE,
                "min_replicas: 1\nmax_replicas: 3\nmetric: cpu\ntarget: 50\nscale_down_window_seconds: 0\nscale_down_cooldown_seconds: 0\n");
        browser.click(By.id("policy-form:policy-save"));
        assertThat(browser.text(By.id("messages"))).contains("Scaling policy of " + name + " saved.");

        Lab.await(Duration.ofSeconds(40), () -> docker("service", "inspect", name, "--format", "{{.Spec.Mode.Replicated.Replicas}}").equals("1"),
                () -> "the idle service scaled down to its minimum");
        Lab.await(Duration.ofSeconds(20), () -> {
            browser.open("/service.xhtml?name=" + name);
            return browser.text(By.id("decisions")).contains("scaled-down");
        }, () -> "the decision on the page");
        assertThat(browser.text(By.id("policy-line"))).contains("1 to 3 replicas on cpu");
        // A few more evaluations, so that the lines have points to join.
        Lab.await(Duration.ofSeconds(20), () -> {
            browser.open("/service.xhtml?name=" + name);
            return browser.driver().findElement(By.cssSelector("#scaling-chart .figure")).getAttribute("points").split(" ").length >= 3;
        }, () -> "three evaluations drawn");
        assertThat(browser.driver().findElements(By.cssSelector("#scaling-chart .scale-mark"))).as("the scale drawn").singleElement()
                .satisfies(mark -> assertThat(Double.parseDouble(mark.getAttribute("cx"))).as("a moment ago: near the right edge of the hour")
                        .isGreaterThan(500));
        browser.screenshot("autoscaling");
    }
}
