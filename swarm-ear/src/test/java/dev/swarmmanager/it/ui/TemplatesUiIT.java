package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** An operator makes a service from the shipped OCR worker's template, giving one parameter and leaving the others to their defaults. */
class TemplatesUiIT {

    private static Browser browser;
    private final String name = Lab.uniqueName("ui-tpl");

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
    }

    @Test
    void aServiceIsMadeFromTheOcrWorkersTemplate() {
        browser.open("/templates.xhtml");
        assertThat(browser.text(By.id("templates-form:templates"))).contains("ocr-worker", "TAG", "REPLICAS");
        browser.click(By.xpath("//tr[.//span[@class='template-name' and text()='ocr-worker']]//*[contains(@class,'use-button')]"));
        assertThat(browser.text(By.id("use-form"))).contains("default: 1.0");
        browser.find(By.id("use-form:service-name")).sendKeys(name);
        browser.find(By.cssSelector("#use-form .parameter-TAG")).sendKeys("2.0");
        browser.screenshot("templates-use");
        browser.click(By.id("use-form:use-confirm"));

        assertThat(browser.text(By.id("messages"))).contains("Service " + name + " created from template ocr-worker.");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.Mode.Replicated.Replicas}}"))
                .as("TAG as given, REPLICAS at its default").isEqualTo("ocr-worker:2.0 2");
    }
}
