package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.dockerOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Clusters page: an admin registers the lab's second Swarm over TLS by pasting the docker CLI's certificate files,
 * sees it beside the default one with its one node, and stops managing it after a confirmation; a viewer sees the
 * clusters' health but neither where their Engines are nor the registration form.
 */
class ClustersUiIT {

    private static String pem(String file) {
        try {
            return Files.readString(Path.of("/run/swarm-lab/tls/client", file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String row(String cluster) {
        return "//tr[.//span[@class='cluster-name' and text()='" + cluster + "']]";
    }

    @Test
    void anAdminRegistersASecondSwarmOverTlsAViewerSeesItsHealthAndTheAdminRemovesIt() {
        String name = Lab.uniqueName("ui-site");
        try (Browser admin = new Browser().signIn(User.ADMIN); Browser viewer = new Browser().signIn(User.VIEWER)) {
            admin.open("/clusters.xhtml");
            admin.find(By.id("register-cluster-form:name")).sendKeys(name);
            admin.find(By.id("register-cluster-form:host")).sendKeys("tcp://198.18.0.31:2376");
            admin.find(By.id("register-cluster-form:ca")).sendKeys(pem("ca.pem"));
            admin.find(By.id("register-cluster-form:cert")).sendKeys(pem("cert.pem"));
            admin.find(By.id("register-cluster-form:key")).sendKeys(pem("key.pem"));
            admin.click(By.id("register-cluster-form:register-cluster"));
            admin.waitFor(driver -> driver.findElement(By.id("messages")).getText().contains("Cluster " + name + " registered."));

            assertThat(admin.text(By.xpath(row(name) + "//span[contains(@class,'cluster-nodes')]"))).isEqualTo("1 of 1 ready");
            assertThat(admin.text(By.xpath(row(name) + "//span[contains(@class,'cluster-health')]"))).isEqualToIgnoringCase("healthy");
            assertThat(admin.text(By.xpath(row(name) + "//span[@class='cluster-host']"))).isEqualTo("tcp://198.18.0.31:2376");
            assertThat(admin.text(By.xpath(row("default") + "//span[contains(@class,'cluster-nodes')]"))).isEqualTo("3 of 3 ready");
            assertThat(admin.find(By.id("register-cluster-form:key")).getAttribute("value")).as("the key is not sent back").isEmpty();
            admin.screenshot("clusters");

            viewer.open("/clusters.xhtml");
            assertThat(viewer.text(By.xpath(row(name) + "//span[contains(@class,'cluster-nodes')]"))).isEqualTo("1 of 1 ready");
            assertThat(viewer.driver().findElements(By.className("cluster-host"))).as("no Docker host for a viewer").isEmpty();
            assertThat(viewer.driver().findElements(By.id("register-cluster-form"))).isEmpty();

            admin.click(By.xpath(row(name) + "//button[contains(@class,'remove-cluster-button')]"));
            admin.waitFor(driver -> driver.findElement(By.id("remove-cluster-dialog")).isDisplayed());
            assertThat(admin.text(By.id("remove-cluster-form"))).contains("Stop managing the cluster " + name + "?");
            admin.click(By.id("remove-cluster-form:remove-cluster-confirm"));
            admin.waitFor(driver -> driver.findElement(By.id("messages")).getText().contains("Cluster " + name + " is no longer managed here."));
            assertThat(admin.driver().findElements(By.xpath(row(name)))).isEmpty();
            assertThat(dockerOn("other1", "node", "ls", "--format", "{{.Hostname}}")).as("the Swarm itself is untouched").isEqualTo("other1");
        } finally {
            Api.as(User.ADMIN).call("DELETE", "/api/swarm/clusters/" + name, null);
        }
    }

    @Test
    void theSwitcherTakesThePagesToAnotherSwarmAndBack() {
        String name = Lab.uniqueName("ui-switch");
        String service = Lab.uniqueName("switched");
        Api admin = Api.as(User.ADMIN);
        Api.Answer registered = admin.call("PUT", "/api/swarm/clusters/" + name,
                "{\"docker_host\":\"unix:///run/swarm-lab/other1/docker.sock\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        dockerOn("other1", "service", "create", "--detach", "--name", service, "--replicas", "1", "ocr-worker:1.0");
        try (Browser operator = new Browser().signIn(User.OPERATOR)) {
            operator.open("/nodes.xhtml");
            assertThat(operator.text(By.id("nodes-form:nodes"))).contains("manager1", "worker1", "worker2");

            switchTo(operator, name);
            assertThat(operator.text(By.id("nodes-form:nodes"))).contains("other1").doesNotContain("worker1");
            assertThat(new Select(operator.find(By.id("cluster-form:cluster-switcher"))).getFirstSelectedOption().getText()).isEqualTo(name);
            operator.screenshot("cluster-switched");

            // The choice stays for the next pages, reads and writes alike: the service page scales on other1.
            Lab.await(java.time.Duration.ofSeconds(30), () -> admin.call("GET", "/api/clusters/" + name + "/swarm/services", null)
                    .body().contains(service), () -> service + " in the mirror of " + name); // made behind its back
            operator.open("/services.xhtml");
            assertThat(operator.text(By.id("services-form:services"))).contains(service);
            // The history holds every Swarm's and opens on the chosen one's, each entry naming its Swarm.
            Lab.await(java.time.Duration.ofSeconds(30), () -> admin.call("GET", "/api/swarm/history?cluster=" + name + "&object=" + service,
                    null).json().getInt("total") > 0, () -> service + " in the history of " + name);
            operator.open("/history.xhtml");
            assertThat(new Select(operator.find(By.id("history-form:cluster"))).getFirstSelectedOption().getText()).isEqualTo(name);
            assertThat(operator.text(By.id("history-form:events"))).contains("service " + service + " created").contains(name)
                    .doesNotContain("worker1");

            switchTo(operator, "default");
            operator.open("/nodes.xhtml");
            assertThat(operator.text(By.id("nodes-form:nodes"))).contains("manager1", "worker1", "worker2").doesNotContain("other1");

            // A chosen cluster that stops being managed sends the pages back to the default, and says so.
            switchTo(operator, name);
            assertThat(operator.text(By.id("nodes-form:nodes"))).contains("other1");
            assertThat(admin.call("DELETE", "/api/swarm/clusters/" + name, null).status()).isEqualTo(200);
            operator.open("/nodes.xhtml");
            assertThat(operator.text(By.id("cluster-lost-banner"))).contains(name);
            assertThat(operator.text(By.id("nodes-form:nodes"))).contains("manager1");
        } finally {
            admin.call("DELETE", "/api/swarm/clusters/" + name, null);
            dockerOn("other1", "service", "rm", service);
        }
    }

    /** Chooses the cluster in the header and waits for the page to be loaded again on it. */
    private static void switchTo(Browser browser, String cluster) {
        WebElement before = browser.find(By.id("cluster-form:cluster-switcher"));
        new Select(before).selectByVisibleText(cluster);
        browser.waitFor(driver -> {
            try {
                before.isEnabled();
                return false;
            } catch (StaleElementReferenceException reloaded) {
                return true;
            }
        });
    }
}
