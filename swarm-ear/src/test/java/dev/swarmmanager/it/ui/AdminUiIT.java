package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The admin UI in headless Chromium against the deployed EAR on the lab, checked with the docker CLI. */
class AdminUiIT {

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
        service = Lab.uniqueName("ui");
        Lab.createWorkerService(service, 1);
    }

    @AfterEach
    void removeService() {
        Lab.removeServiceQuietly(service);
    }

    @Test
    void everyPageLoadsWithRealData() {
        browser.open("/");
        browser.waitFor(d -> browser.text(By.id("card-nodes")).contains("3"));
        assertThat(browser.text(By.id("card-nodes"))).contains("3 ready").contains("1 managers · 2 workers");
        assertThat(browser.text(By.id("health-badge"))).isNotBlank();
        assertThat(browser.pageText()).contains("Docker host: " + Lab.DOCKER_HOST);
        assertThat(browser.text(By.id("cluster-name")))
                .startsWith("Cluster: default (" + docker("info", "--format", "{{.Swarm.Cluster.ID}}").substring(0, 12));
        browser.screenshot("dashboard");

        // The docker CLI saw the task run; the server's mirror learns it from Docker's events a moment later.
        Api.awaitListed(service, 1);
        browser.open("/services.xhtml");
        assertThat(browser.text(By.id("services-form:services"))).contains(service, "ocr-worker:1.0", "1/1");
        browser.screenshot("services");

        browser.open("/nodes.xhtml");
        assertThat(browser.text(By.id("nodes-form:nodes"))).contains("manager1", "worker1", "worker2", "LEADER".toLowerCase());
        browser.screenshot("nodes");

        browser.open("/health.xhtml");
        assertThat(browser.text(By.id("node-health"))).contains("3/3 ready");
        assertThat(browser.text(By.id("service-health"))).contains(service);
        browser.screenshot("health");

        browser.open("/statistics.xhtml");
        assertThat(browser.text(By.id("stats-nodes"))).isEqualTo("3 nodes");
        browser.screenshot("statistics");

        browser.open("/stacks.xhtml");
        assertThat(browser.find(By.id("deploy-form:compose-file")).isDisplayed()).isTrue();
        browser.screenshot("stacks");

        browser.open("/swarm.xhtml");
        assertThat(browser.text(By.id("cluster-id"))).isEqualTo(docker("info", "--format", "{{.Swarm.Cluster.ID}}"));
        browser.click(By.id("tokens-form:worker-token"));
        assertThat(browser.text(By.id("join-command"))).contains(docker("swarm", "join-token", "-q", "worker"));
        browser.screenshot("swarm");

        String before = docker("swarm", "join-token", "-q", "worker");
        browser.click(By.id("tokens-form:rotate-token"));
        assertThat(docker("swarm", "join-token", "-q", "worker")).as("nothing before the confirmation").isEqualTo(before);
        browser.click(By.id("tokens-form:rotate-confirm"));
        assertThat(browser.text(By.id("messages"))).contains("The worker join token was replaced.");
        String after = docker("swarm", "join-token", "-q", "worker");
        assertThat(after).isNotEqualTo(before);
        assertThat(browser.text(By.id("join-command"))).contains(after);
    }

    @Test
    void scaleAServiceFromTheUiAndSeeItWithTheCli() {
        browser.open("/services.xhtml");
        browser.click(row(service, "scale-button"));
        WebElement replicas = browser.find(By.id("scale-form:replicas"));
        replicas.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
        browser.screenshot("services-scale-dialog");
        browser.click(By.id("scale-form:scale-confirm"));
        assertThat(browser.text(By.id("messages"))).contains("Service " + service + " scaled to 3 replicas.");
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("3");
        Lab.awaitRunning(service, 3);
    }

    @Test
    void theAuditLogPageShowsWhoChangedWhatAndFilters() {
        dev.swarmmanager.it.Api.as(IdentityProvider.User.OPERATOR)
                .call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":2}");
        dev.swarmmanager.it.Api.as(IdentityProvider.User.VIEWER)
                .call("DELETE", "/api/swarm/services/" + service, null);
        browser.open("/audit.xhtml");
        browser.find(By.id("audit-filter:target")).sendKeys(service);
        browser.click(By.id("audit-filter:search"));
        browser.waitFor(d -> browser.text(By.id("audit-form:entries")).contains("services.remove"));
        String table = browser.text(By.id("audit-form:entries")).toLowerCase(java.util.Locale.ROOT); // badges are upper case
        assertThat(table).contains("oscar", "services.scale", "succeeded", "replicas=2", "vera", "denied");
        browser.screenshot("audit");
    }

    @Test
    void aChangeMadeWithTheCliAppearsWithoutAReload() {
        browser.open("/services.xhtml");
        assertThat(browser.text(By.id("services-form:services"))).contains(service);
        docker("service", "scale", "--detach", service + "=2");
        // the UI's own poll is every 30 s: only the change feed can redraw the table this fast
        browser.waitFor(d -> browser.text(By.xpath("//tr[.//span[@class='service-name' and text()='" + service
                + "']]")).contains("/2"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/services.xhtml");
    }

    @Test
    void drainAndRestoreANode() {
        try {
            browser.open("/nodes.xhtml");
            browser.click(By.cssSelector("tr.node-worker1 .drain-button"));
            assertThat(browser.text(By.id("messages"))).contains("Node worker1 is now drain.");
            assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Availability}}")).isEqualTo("drain");
            browser.screenshot("nodes-drained");

            browser.click(By.cssSelector("tr.node-worker1 .restore-button"));
            assertThat(browser.text(By.id("messages"))).contains("Node worker1 is now active.");
            assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Availability}}")).isEqualTo("active");
        } finally {
            docker("node", "update", "--availability", "active", "worker1");
        }
    }

    @Test
    void removeAServiceAfterConfirming() {
        browser.open("/services.xhtml");
        browser.click(row(service, "remove-button"));
        assertThat(browser.text(By.id("remove-question"))).isEqualTo("Remove the service " + service
                + "? Its tasks stop and the service is gone.");
        assertThat(docker("service", "ls", "-q", "--filter", "name=" + service)).as("nothing removed before confirming").isNotEmpty();
        browser.click(By.id("remove-form:remove-confirm"));
        assertThat(browser.text(By.id("messages"))).contains("Service " + service + " removed.");
        assertThat(docker("service", "ls", "-q", "--filter", "name=" + service)).isEmpty();
        assertThat(browser.text(By.id("services-form:services"))).doesNotContain(service);
    }

    @Test
    void aFailingActionShowsItsError() {
        // Only while worker1 is up is its removal refused (a node that is down is removed, as with the CLI).
        assertThat(docker("node", "inspect", "worker1", "--format", "{{.Status.State}}")).as("worker1, before").isEqualTo("ready");
        browser.open("/nodes.xhtml");
        browser.click(By.cssSelector("tr.node-worker1 .remove-node-button"));
        browser.click(By.id("remove-node-form:remove-node-confirm"));
        assertThat(browser.text(By.id("messages")))
                .contains("node worker1 is ready, not down: shut it down or make it leave first, or remove it with force");
        browser.screenshot("nodes-error");
        assertThat(docker("node", "ls", "--format", "{{.Hostname}}").lines()).contains("worker1");

        browser.open("/services.xhtml");
        browser.click(row(service, "image-button"));
        WebElement image = browser.find(By.id("image-form:image"));
        image.clear();
        image.sendKeys("Not An Image!");
        browser.click(By.id("image-form:image-confirm"));
        assertThat(browser.text(By.id("messages"))).contains("image is not a valid image reference");
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"))
                .startsWith("ocr-worker:1.0");
    }

    @Test
    void logsShowALineTheWorkerJustWrote() {
        browser.open("/logs.xhtml?service=" + service);
        String newest = docker("service", "logs", "--raw", "--tail", "1", service).lines()
                .filter(l -> l.contains("processed page")).reduce((a, b) -> b).orElse("processed page 0");
        int page = Integer.parseInt(newest.replaceAll(".*processed page (\\d+).*", "$1"));
        String next = "processed page " + (page + 2);
        browser.waitFor(d -> browser.text(By.id("logs-form:lines")).contains(next));
        // every fifth page the worker also writes to stderr, which the viewer marks as such
        browser.waitFor(d -> !d.findElements(By.cssSelector(".log-line.stderr")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector(".log-line.stderr"))).allSatisfy(
                l -> assertThat(l.getText()).contains("queue empty"));
        browser.screenshot("logs");
    }

    @Test
    void deployAStackFromAPastedFileAndSeeItsWarnings() {
        String stack = Lab.uniqueName("uistack");
        try {
            browser.open("/stacks.xhtml");
            browser.find(By.id("deploy-form:stack-name")).sendKeys(stack);
            WebElement file = browser.find(By.id("deploy-form:compose-file"));
            file.sendKeys("version: \"3.8\"\nservices:\n  worker:\n    image: ocr-worker:1.0\n    container_name: ignored\n");
            browser.click(By.id("deploy-form:deploy"));
            assertThat(browser.text(By.id("messages"))).contains("Stack " + stack + " deployed: 1 created, 0 updated, 0 removed.");
            assertThat(browser.text(By.id("deploy-result")))
                    .contains("services.worker.container_name is not supported for Swarm services and was ignored");
            assertThat(browser.text(By.id("stacks-form:stacks"))).contains(stack);
            assertThat(docker("stack", "services", stack, "--format", "{{.Name}}")).isEqualTo(stack + "_worker");
            browser.screenshot("stacks-deployed");
        } finally {
            try {
                docker("stack", "rm", stack);
            } catch (AssertionError ignored) {
                // not deployed
            }
        }
    }

    private static By row(String service, String buttonClass) {
        return By.xpath("//tr[.//span[@class='service-name' and text()='" + service + "']]//*[contains(@class,'" + buttonClass + "')]");
    }
}
