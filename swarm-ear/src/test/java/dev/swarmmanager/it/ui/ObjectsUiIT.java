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
        assertThat(docker("secret", "ls", "--format", "{{.Name}}").lines()).doesNotContain(secret);
    }
}
