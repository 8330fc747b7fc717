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

/**
 * An operator creates a service from the Services page's form, opens its page from the list, edits it after seeing the
 * difference, then rolls the edit back: the docker CLI is the witness of each step, and of nothing before a confirmation.
 */
class ServicePageUiIT {

    private static Browser browser;
    private final String name = Lab.uniqueName("ui-svc");
    private final String network = Lab.uniqueName("ui-net");

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.OPERATOR);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void removeTheService() {
        Lab.removeServiceQuietly(name);
        Lab.await(Duration.ofSeconds(30), () -> {
            try {
                docker("network", "rm", network);
                return true;
            } catch (AssertionError inUseOrGone) {
                return !docker("network", "ls", "--format", "{{.Name}}").lines().toList().contains(network);
            }
        }, () -> "network " + network + " to go");
        try {
            docker("node", "update", "--label-rm", "uitest", "worker1");
        } catch (AssertionError notSet) {
            // the test stopped before setting it
        }
    }

    @Test
    void aServiceIsCreatedEditedAfterItsDifferenceIsShownAndRolledBack() {
        docker("node", "update", "--label-add", "uitest=yes", "worker1");
        // Shared for operators, as the deployment policy asks of a network a service of its own joins.
        docker("network", "create", "--driver", "overlay", "--label", "swarm-manager.shared=true", network);
        Lab.await(Duration.ofSeconds(15), () -> {
            browser.open("/services.xhtml");
            return browser.driver().getPageSource().contains("node.labels.uitest==yes");
        }, () -> "the node's label offered as a constraint");
        browser.click(By.id("services-form:create"));
        browser.click(By.linkText("node.labels.uitest==yes"));
        browser.find(By.id("create-form:new-name")).sendKeys(name);
        browser.find(By.id("create-form:new-image")).sendKeys("ocr-worker:1.0");
        browser.find(By.id("create-form:new-replicas")).sendKeys("2");
        browser.find(By.id("create-form:new-environment")).sendKeys("GREETING=hello $USER");
        browser.find(By.id("create-form:new-compose")).sendKeys("stop_grace_period: 2s\nlabels:\n  team: ocr");
        browser.find(By.id("create-form:new-user")).sendKeys("65534"); // by number: the image has no passwd file
        browser.find(By.id("create-form:new-labels")).sendKeys("tier=batch");
        browser.find(By.id("create-form:new-tmpfs")).sendKeys("/run/cache");
        browser.find(By.id("create-form:new-reserve-cpus")).sendKeys("0.1");
        browser.find(By.id("create-form:new-limit-memory")).sendKeys("64M");
        browser.find(By.id("create-form:new-max-per-node")).sendKeys("3"); // room for a start-first update on the one labelled node
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("create-form:new-restart"))).selectByValue("on-failure");
        new org.openqa.selenium.support.ui.Select(browser.find(By.id("create-form:new-update-order"))).selectByValue("start-first");
        browser.find(By.id("create-form:new-update-delay")).sendKeys("3s");
        browser.find(By.id("create-form:new-health")).sendKeys("true");
        browser.find(By.id("create-form:new-health-interval")).sendKeys("5s");
        // A checkbox's label is " name" in Mojarra (Payara) and "&#160;name" in MyFaces (Liberty): the no-break space is
        // not white space to normalize-space().
        browser.find(By.xpath("//*[@id='create-form:new-networks']//label[normalize-space(translate(., '\u00A0', ' '))='"
                + network + "']")).click();
        browser.click(By.id("create-form:create-confirm"));

        assertThat(browser.text(By.id("messages"))).contains("Service " + name + " created.");
        assertThat(docker("service", "inspect", name, "--format",
                "{{.Spec.Mode.Replicated.Replicas}} {{.Spec.TaskTemplate.ContainerSpec.Env}} {{.Spec.TaskTemplate.ContainerSpec.Labels.team}} {{.Spec.TaskTemplate.Placement.Constraints}}"))
                .as("the form's value is taken as written, $ included").isEqualTo("2 [GREETING=hello $USER] ocr [node.labels.uitest==yes]");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.User}} {{.Spec.Labels.tier}}"
                + " {{range .Spec.TaskTemplate.ContainerSpec.Mounts}}{{.Type}}:{{.Target}}{{end}}"
                + " {{.Spec.TaskTemplate.Resources.Reservations.NanoCPUs}} {{.Spec.TaskTemplate.Resources.Limits.MemoryBytes}}"
                + " {{.Spec.TaskTemplate.Placement.MaxReplicas}} {{.Spec.TaskTemplate.RestartPolicy.Condition}}"
                + " {{.Spec.UpdateConfig.Order}} {{.Spec.UpdateConfig.Delay}} {{.Spec.TaskTemplate.ContainerSpec.Healthcheck.Test}}"
                + " {{.Spec.TaskTemplate.ContainerSpec.Healthcheck.Interval}} {{len .Spec.TaskTemplate.Networks}}"))
                .isEqualTo("65534 batch tmpfs:/run/cache 100000000 67108864 3 on-failure start-first 3s [CMD-SHELL true] 5s 1");
        assertThat(docker("network", "inspect", network, "--format", "{{.ID}}")).isEqualTo(
                docker("service", "inspect", name, "--format", "{{(index .Spec.TaskTemplate.Networks 0).Target}}"));

        browser.open("/services.xhtml");
        browser.click(By.linkText(name));
        browser.waitFor(driver -> driver.getCurrentUrl().contains("service.xhtml"));
        assertThat(browser.text(By.id("service-form:summary"))).contains("ocr-worker:1.0");

        Lab.awaitRunning(name, 2);
        Lab.await(Duration.ofSeconds(30), () -> {
            browser.click(By.id("service-form:show-logs"));
            browser.settle();
            return logs().contains(name + ".");
        }, () -> "log lines marked with their task");
        assertThat(logs()).containsPattern(name + "\\.[12]@worker1");
        assertThat(docker("service", "ps", name, "--filter", "desired-state=running", "--format", "{{.Node}}").lines())
                .as("both tasks run where the label is").containsExactly("worker1", "worker1");
        browser.find(By.id("service-form:log-filter")).sendKeys(name + ".1@");
        Lab.await(Duration.ofSeconds(10), () -> !logs().isBlank() && logs().lines().allMatch(l -> l.contains(name + ".1@")),
                () -> "only the first task's lines");
        browser.find(By.id("service-form:log-filter")).clear();
        browser.find(By.id("service-form:log-filter")).sendKeys("no line says this");
        Lab.await(Duration.ofSeconds(10), () -> logs().isBlank(), () -> "the filter to hide every line");

        browser.click(By.id("service-form:export"));
        assertThat(browser.text(By.id("compose-form"))).contains("image: ocr-worker:1.0", "GREETING=hello $$USER");
        browser.open("/service.xhtml?name=" + name);

        browser.click(By.id("service-form:edit"));
        browser.find(By.id("edit-form:changes")).sendKeys("image: ocr-worker:2.0");
        browser.click(By.id("edit-form:preview"));
        assertThat(browser.text(By.id("edit-form:diff"))).containsPattern("(?m)^- .*ocr-worker:1\\.0").containsPattern("(?m)^\\+ .*ocr-worker:2\\.0");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .as("nothing before Apply").isEqualTo("ocr-worker:1.0");
        browser.screenshot("service-edit-diff");
        browser.click(By.id("edit-form:apply"));
        assertThat(browser.text(By.id("messages"))).contains("Service " + name + " changed.");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.TaskTemplate.ContainerSpec.Env}}"))
                .as("the edit changed the image and kept the rest").isEqualTo("ocr-worker:2.0 [GREETING=hello $USER]");

        browser.open("/service.xhtml?name=" + name);
        browser.click(By.id("service-form:rollback"));
        assertThat(browser.text(By.id("rollback-form"))).contains("Roll " + name + " back");
        browser.click(By.id("rollback-form:rollback-confirm"));
        assertThat(browser.text(By.id("messages"))).contains("Service " + name + " is rolling back.");
        Lab.await(Duration.ofSeconds(30), () -> docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}")
                .equals("ocr-worker:1.0"), () -> name + " back on ocr-worker:1.0");
    }

    /** The log panel's text; an empty panel has no height, so it is read without waiting for it to be visible. */
    private static String logs() {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.driver().findElement(By.id("service-form:logs")).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
                // the filter's ajax update replaced the panel between the find and the read: read the new one
            }
        }
    }
}
