package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The UI speaks the browser's language when it has it (English and German), English otherwise: labels, the
 * messages the pages answer with, and the page's declared language.
 */
class LanguagesUiIT {

    private final String service = Lab.uniqueName("ui-lang");

    @AfterEach
    void removeIt() {
        Lab.removeServiceQuietly(service);
    }

    private static By row(String service, String buttonClass) {
        return By.xpath("//tr[.//span[@class='service-name' and text()='" + service + "']]//*[contains(@class,'" + buttonClass + "')]");
    }

    @Test
    void aGermanBrowserGetsGermanLabelsAndMessages() {
        Lab.createWorkerService(service, 1);
        try (Browser german = new Browser("de-DE,de").signIn(IdentityProvider.User.OPERATOR)) {
            german.open("/services.xhtml");
            assertThat(german.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
            assertThat(german.text(By.cssSelector("nav.nav"))).contains("Übersicht", "Dienste", "Knoten", "Secrets und Netzwerke");

            german.click(row(service, "scale-button"));
            WebElement replicas = german.find(By.id("scale-form:replicas"));
            replicas.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
            german.click(By.id("scale-form:scale-confirm"));
            assertThat(german.text(By.id("messages"))).contains("Dienst " + service + " auf 2 Replikate skaliert.");
            assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("2");
            german.screenshot("services-german");

            german.open("/logs.xhtml?service=" + service);
            WebElement tail = german.find(By.id("logs-form:tail"));
            tail.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0");
            german.click(By.id("logs-form:show"));
            assertThat(german.text(By.id("logs-form"))).contains("Zeilen müssen eine ganze Zahl von 1 bis 5000 sein.");
        }
    }

    @Test
    void whatTheServerRefusesIsSaidInGermanToo() {
        String network = Lab.uniqueName("ui-netz");
        docker("network", "create", "--driver", "overlay", network);
        try (Browser german = new Browser("de-DE,de").signIn(IdentityProvider.User.ADMIN)) {
            german.open("/objects.xhtml");
            german.click(By.id("objects-form:new-network"));
            german.find(By.id("network-form:network-name")).sendKeys(network);
            german.click(By.id("network-form:network-confirm"));
            // the domain's refusal (a phrase of the API's bundle), not a label of the UI's
            assertThat(german.text(By.tagName("body"))).contains("Netzwerk " + network + " existiert bereits");
            assertThat(docker("network", "ls", "--format", "{{.Name}}").lines().filter(network::equals))
                    .as("nothing created").hasSize(1);
        } finally {
            docker("network", "rm", network);
        }
    }

    @Test
    void aLanguageTheUiDoesNotHaveGetsEnglish() {
        try (Browser french = new Browser("fr-FR,fr").signIn(IdentityProvider.User.VIEWER)) {
            french.open("/services.xhtml");
            assertThat(french.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(french.text(By.cssSelector("nav.nav"))).contains("Dashboard", "Services", "Nodes");
        }
    }
}
