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

/** An admin promotes and demotes nodes and edits their labels on the Nodes page; the docker CLI is the witness. */
class NodesUiIT {

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.ADMIN);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void putTheLabBack() {
        try {
            docker("node", "demote", "worker1");
        } catch (AssertionError alreadyAWorker) {
            // as the test left it
        }
        try {
            docker("node", "update", "--label-rm", "zone", "worker2");
        } catch (AssertionError noSuchLabel) {
            // not set by the test
        }
    }

    @Test
    void aWorkerIsPromotedAndDemotedAfterAConfirmation() {
        browser.open("/nodes.xhtml");
        assertThat(browser.driver().findElements(By.cssSelector("tr.node-manager1 .demote-button")))
                .as("the only manager is not offered a demotion").isEmpty();
        browser.click(By.cssSelector("tr.node-worker1 .promote-button"));
        assertThat(browser.text(By.id("role-form"))).contains("Promote the worker worker1 to a manager?");
        assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Role}}")).as("nothing before the confirmation").isEqualTo("worker");
        browser.click(By.id("role-form:role-confirm"));
        assertThat(browser.text(By.id("messages"))).contains("Node worker1 is now a manager.");
        assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Role}}")).isEqualTo("manager");
        Lab.await(Duration.ofSeconds(60), () -> docker("node", "inspect", "worker1", "--format",
                "{{if .ManagerStatus}}{{.ManagerStatus.Reachability}}{{end}}").equals("reachable"), () -> "worker1 to join the managers");
        // Two managers need each other for every write: wait until their Raft log takes one (a write proposed before
        // that fails with the Engine's "context deadline exceeded", passed on as a 503 with the reason).
        // A new manager first catches up with the Raft log, which holds every object the suite made so far: give it time
        Lab.await(Duration.ofSeconds(150), () -> {
            try {
                docker("node", "update", "--label-add", "raft-probe=1", "worker2");
                docker("node", "update", "--label-rm", "raft-probe", "worker2");
                return true;
            } catch (AssertionError notYet) {
                return false;
            }
        }, () -> "the two managers to take a write");

        browser.open("/nodes.xhtml");
        browser.click(By.cssSelector("tr.node-worker1 .demote-button"));
        assertThat(browser.text(By.id("role-form"))).contains("Demote the manager worker1 to a worker?");
        browser.click(By.id("role-form:role-confirm"));
        assertThat(browser.text(By.id("messages"))).contains("Node worker1 is now a worker.");
        assertThat(docker("node", "inspect", "worker1", "--format", "{{.Spec.Role}}")).isEqualTo("worker");
    }

    @Test
    void labelsAreEditedAsLinesAndABadLineChangesNothing() {
        browser.open("/nodes.xhtml");
        browser.click(By.cssSelector("tr.node-worker2 .labels-button"));
        browser.find(By.id("labels-form:labels")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "zone=eu\nno equals sign");
        browser.click(By.id("labels-form:labels-save"));
        assertThat(browser.text(By.id("labels-form"))).contains("Line 2 is not key=value.");
        assertThat(labels("worker2")).as("nothing saved").isEmpty();

        browser.find(By.id("labels-form:labels")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "zone=eu");
        browser.click(By.id("labels-form:labels-save"));
        assertThat(browser.text(By.id("messages"))).contains("Labels of worker2 saved.");
        assertThat(labels("worker2")).isEqualTo("zone=eu;");
        browser.screenshot("nodes-labels");
    }

    private static String labels(String node) {
        return docker("node", "inspect", node, "--format", "{{range $k, $v := .Spec.Labels}}{{$k}}={{$v}};{{end}}");
    }
}
