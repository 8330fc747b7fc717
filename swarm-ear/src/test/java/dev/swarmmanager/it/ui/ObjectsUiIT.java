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

/** An admin rotates a secret a service uses from the Secrets page; the docker CLI is the witness. */
class ObjectsUiIT {

    private static Browser browser;
    private final String secret = Lab.uniqueName("ui_pw").replace('-', '_');
    private final String service = Lab.uniqueName("ui-rot");

    @BeforeAll
    static void openBrowser() {
        browser = new Browser().signIn(IdentityProvider.User.ADMIN);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @AfterEach
    void removeThem() {
        Lab.removeServiceQuietly(service);
        for (String name : new String[] {secret, secret + "_v2"}) {
            Lab.await(Duration.ofSeconds(30), () -> {
                try {
                    docker("secret", "rm", name);
                    return true;
                } catch (AssertionError usedOrGone) {
                    return !docker("secret", "ls", "--format", "{{.Name}}").lines().toList().contains(name); // name filters match prefixes
                }
            }, () -> "secret " + name + " to go");
        }
    }

    @Test
    void aSecretIsRotatedAndItsServiceMovesToTheNewVersion() {
        assertThat(Api.post("/api/swarm/secrets", "{\"name\":\"" + secret + "\",\"data\":\"first\"}").status()).isEqualTo(201);
        assertThat(Api.post("/api/swarm/services", "{\"name\":\"" + service + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"stop_grace_period\":\"1s\","
                + "\"secrets\":[\"" + secret + "\"]}}").status()).isEqualTo(201);

        browser.open("/objects.xhtml");
        By row = By.xpath("//tr[.//span[@class='object-name' and text()='" + secret + "']]");
        assertThat(browser.text(row)).contains(service);
        browser.click(By.xpath("//tr[.//span[@class='object-name' and text()='" + secret + "']]//*[contains(@class,'rotate-button')]"));
        browser.find(By.id("rotate-form:content")).sendKeys("second");
        browser.screenshot("secret-rotation");
        browser.click(By.id("rotate-form:rotate-confirm"));

        assertThat(browser.text(By.id("messages"))).contains(secret + " rotated to " + secret + "_v2; moved: " + service);
        assertThat(docker("service", "inspect", service, "--format", "{{range .Spec.TaskTemplate.ContainerSpec.Secrets}}{{.SecretName}}{{end}}"))
                .isEqualTo(secret + "_v2");
        By progress = By.xpath("//tr[.//span[@class='rotation-name' and text()='" + secret + " → " + secret + "_v2']]");
        assertThat(browser.text(progress)).contains(service);
        browser.screenshot("secret-rotation-progress");
        // the page follows the rotation by itself until the old version is gone
        Lab.await(Duration.ofSeconds(90), () -> !browser.driver().findElements(By.xpath("//tr[.//span[@class='rotation-name' and text()='"
                + secret + " → " + secret + "_v2']]//*[contains(@class,'old-removed')]")).isEmpty(),
                () -> "the old version shown removed: " + browser.text(progress));
        assertThat(docker("secret", "ls", "--format", "{{.Name}}").lines()).doesNotContain(secret);
    }

    @Test
    void aConfigIsCreatedFromAnUploadedFileAndABinaryFileIsRefused() throws Exception {
        String config = secret.replace("ui_pw", "ui_conf");
        java.nio.file.Path text = java.nio.file.Files.createTempFile("worker", ".conf");
        java.nio.file.Path binary = java.nio.file.Files.createTempFile("keystore", ".p12");
        try {
            java.nio.file.Files.writeString(text, "threads=4\nqueue=pages\n");
            java.nio.file.Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
            browser.open("/objects.xhtml");
            browser.click(By.id("objects-form:new-config"));
            browser.find(By.id("create-form:name")).sendKeys(config);
            browser.driver().findElement(By.cssSelector("#create-form input[type=file]")).sendKeys(binary.toString());
            browser.click(By.id("create-form:create-confirm"));
            assertThat(browser.text(By.id("messages"))).contains("is not UTF-8 text").contains("nothing was created");
            assertThat(docker("config", "ls", "--format", "{{.Name}}").lines()).doesNotContain(config);

            browser.driver().findElement(By.cssSelector("#create-form input[type=file]")).sendKeys(text.toString());
            browser.click(By.id("create-form:create-confirm"));
            assertThat(browser.text(By.id("messages"))).contains(config);
            assertThat(docker("config", "inspect", config, "--format", "{{printf \"%s\" .Spec.Data}}")).isEqualTo("threads=4\nqueue=pages");

            browser.click(By.xpath("//tr[.//span[@class='object-name' and text()='" + config + "']]//*[contains(@class,'read-button')]"));
            assertThat(browser.text(By.id("config-form"))).as("a config read back").isEqualTo("threads=4\nqueue=pages");
        } finally {
            java.nio.file.Files.deleteIfExists(text);
            java.nio.file.Files.deleteIfExists(binary);
            try {
                docker("config", "rm", config);
            } catch (AssertionError notCreated) {
                // the test stopped before
            }
        }
    }

    @Test
    void aNetworkIsCreatedWithLabelsAndRemovedAfterAConfirmation() {
        String network = Lab.uniqueName("ui-net");
        try {
            browser.open("/objects.xhtml");
            browser.click(By.id("objects-form:new-network"));
            browser.find(By.id("network-form:network-name")).sendKeys(network);
            browser.click(By.cssSelector("#network-form\\:encrypted .ui-chkbox-box"));
            browser.find(By.id("network-form:network-labels")).sendKeys("team=ocr\nno label here");
            browser.click(By.id("network-form:network-confirm"));
            assertThat(browser.text(By.id("network-form"))).contains("Line 2");
            org.openqa.selenium.WebElement labelsField = browser.find(By.id("network-form:network-labels"));
            org.openqa.selenium.WebElement labelsMessage = browser.find(By.xpath(
                    "//form[@id='network-form']//*[contains(@class, 'ui-message') and contains(., 'Line 2')]"));
            assertThat(labelsMessage.getLocation().getX()).as("the message under its field, not in the labels' column")
                    .isGreaterThanOrEqualTo(labelsField.getLocation().getX() - 5);
            assertThat(docker("network", "ls", "--format", "{{.Name}}").lines()).as("nothing created").doesNotContain(network);

            browser.find(By.id("network-form:network-labels")).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                    org.openqa.selenium.Keys.DELETE, "team=ocr");
            browser.click(By.id("network-form:network-confirm"));
            assertThat(browser.text(By.id("messages"))).contains("Network " + network + " created.");
            assertThat(docker("network", "inspect", network, "--format", "{{.Driver}} {{.Attachable}} {{json .Labels}}"))
                    .isEqualTo("overlay true {\"team\":\"ocr\"}");
            assertThat(docker("network", "inspect", network, "--format", "{{json .Options}}")).as("encrypted").contains("\"encrypted\"");

            assertThat(browser.text(By.id("objects-form:networks"))).contains("team=ocr");
            browser.click(By.xpath("//tr[.//span[@class='object-name' and text()='" + network + "']]//*[contains(@class,'remove-network-button')]"));
            assertThat(docker("network", "ls", "--format", "{{.Name}}").lines()).as("nothing removed before the confirmation").contains(network);
            browser.click(By.id("remove-network-form:remove-network-confirm"));
            assertThat(browser.text(By.id("messages"))).contains("Network " + network + " removed.");
            Lab.await(Duration.ofSeconds(15), () -> !docker("network", "ls", "--format", "{{.Name}}").lines().toList().contains(network),
                    () -> "the network gone");
            assertThat(browser.text(By.id("objects-form:networks"))).doesNotContain(network);
            assertThat(Api.get("/api/swarm/audit?outcome=succeeded&action=networks.remove&target=" + network).json().getInt("total")).isEqualTo(1);
        } finally {
            try {
                docker("network", "rm", network);
            } catch (AssertionError goneOrNeverMade) {
                // removed by the test, or never created
            }
        }
    }
}
