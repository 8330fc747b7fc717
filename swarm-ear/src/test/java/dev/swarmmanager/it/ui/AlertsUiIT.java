package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An admin on the alerts page: adds a rule for a service that cannot run, sees it fire in the table and in the header's
 * bell, silences it with a button, adds a webhook channel and sends it a test.
 */
class AlertsUiIT {

    private static Browser browser;
    private static HttpServer receiver;
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private final String name = Lab.uniqueName("ui-alert");

    @BeforeAll
    static void open() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            RECEIVED.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        browser = new Browser().signIn(IdentityProvider.User.ADMIN);
    }

    @AfterAll
    static void close() {
        browser.close();
        receiver.stop(0);
    }

    private String ruleRow(String rule, String button) {
        return "//tr[.//span[@class='rule-name' and text()='" + rule + "']]//button[contains(@id, ':" + button + "')]";
    }

    @Test
    void anAdminAddsARuleSeesItFireSilencesItAndTestsAChannel() {
        Api admin = Api.as(IdentityProvider.User.ADMIN);
        String rule = name;
        String channel = name + "-hook";
        try {
            docker("service", "create", "--detach", "--name", name, "--constraint", "node.labels.nowhere==true", "ocr-worker:1.0");
            browser.open("/alerts.xhtml");
            assertThat(browser.text(By.id("alerts-form:rules"))).as("the rules shipped").contains("node-down", "service-short",
                    "task-failures", "autoscaler-at-max", "docker-unreachable");

            browser.find(By.id("rule-form:rule-name")).sendKeys(rule);
            new Select(browser.find(By.id("rule-form:condition"))).selectByValue("service-short");
            new Select(browser.find(By.id("rule-form:severity"))).selectByValue("critical");
            browser.find(By.id("rule-form:service")).sendKeys(name);
            browser.find(By.id("rule-form:for")).clear();
            browser.find(By.id("rule-form:for")).sendKeys("0");
            browser.click(By.id("rule-form:save-rule"));
            browser.waitFor(driver -> driver.findElement(By.id("messages")).getText().contains("Rule " + rule + " saved."));

            Lab.await(Duration.ofSeconds(30), () -> {
                browser.open("/alerts.xhtml");
                return browser.text(By.id("alerts-form:open")).contains("service " + name + " runs 0 of 1 replicas");
            }, () -> "the alert in the open table");
            assertThat(browser.find(By.id("alert-bell")).getAttribute("class")).contains("bell-critical");
            // The bell and the table drawn in one response: the shipped rules may fire in the lab meanwhile.
            long rows = browser.driver().findElements(By.cssSelector("#alerts-form\\:open tbody tr")).stream()
                    .filter(row -> !row.getAttribute("class").contains("ui-datatable-empty-message")).count();
            assertThat(Long.parseLong(browser.text(By.id("alert-count")))).as("the bell counts the open alerts").isEqualTo(rows);

            browser.click(By.xpath(ruleRow(rule, "silence")));
            browser.waitFor(driver -> driver.findElement(By.id("messages")).getText().contains("Rule " + rule + " silenced for 1 h."));
            assertThat(browser.find(By.xpath("//tr[.//span[@class='rule-name' and text()='" + rule + "']]//span[@class='silenced-until']"))
                    .getText()).isNotBlank();
            assertThat(admin.call("GET", "/api/swarm/alerts/rules/" + rule, null).json().getJsonObject("data").getString("silenced_until"))
                    .isNotBlank();
            browser.open("/alerts.xhtml");
            assertThat(browser.find(By.xpath("//tr[.//span[@class='summary' and contains(text(), '" + name + "')]]"))
                    .findElements(By.cssSelector(".badge.silenced"))).as("the open alert marked silenced").hasSize(1);
            browser.screenshot("alerts");

            browser.find(By.id("channel-form:channel-name")).sendKeys(channel);
            new Select(browser.find(By.id("channel-form:type"))).selectByValue("webhook");
            browser.find(By.id("channel-form:target")).sendKeys("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            browser.click(By.id("channel-form:save-channel"));
            browser.waitFor(driver -> driver.findElement(By.id("messages")).getText().contains("Channel " + channel + " saved."));
            browser.click(By.xpath("//tr[.//span[@class='channel-name' and text()='" + channel + "']]//button[contains(@id, ':test-channel')]"));
            browser.waitFor(driver -> driver.findElement(By.id("messages")).getText().contains("The test message went through channel " + channel + "."));
            assertThat(RECEIVED).anyMatch(body -> body.contains("\"test\":true") && body.contains("a test of the channel " + channel));
        } finally {
            admin.call("DELETE", "/api/swarm/alerts/channels/" + channel, null);
            admin.call("DELETE", "/api/swarm/alerts/rules/" + rule, null);
            Lab.removeServiceQuietly(name);
        }
    }
}
