package dev.swarmmanager.it.ui;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider;
import dev.swarmmanager.lab.Lab;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The services table is drawn a page at a time (filtered and sorted on the server by the API's own code): with more
 * services than a page holds, the page carries fifty rows, and paging, sorting and the name filter reach the rest.
 */
class ServicesTableUiIT {

    private static final int COUNT = 55;
    private static final String PREFIX = Lab.uniqueName("tbl");
    private static final List<String> NAMES = IntStream.rangeClosed(1, COUNT).mapToObj(i -> PREFIX + String.format("-%02d", i)).toList();
    private static Browser browser;

    @BeforeAll
    static void createServices() {
        // no replicas: real services, no containers
        NAMES.parallelStream().forEach(n -> docker("service", "create", "--detach", "--name", n, "--replicas", "0",
                "--label", "it=true", "ocr-worker:1.0"));
        Lab.await(Duration.ofSeconds(30), () -> Api.get("/api/swarm/services?name=" + PREFIX).json().getInt("count") == COUNT,
                () -> COUNT + " services listed");
        browser = new Browser().signIn(IdentityProvider.User.VIEWER);
    }

    @AfterAll
    static void removeServices() {
        if (browser != null) {
            browser.close();
        }
        NAMES.parallelStream().forEach(Lab::removeServiceQuietly);
    }

    /** The names on the page; none while a redraw replaces the rows (the next look reads them). */
    private static List<String> rows() {
        try {
            return browser.driver().findElements(By.cssSelector("#services-form\\:services_data .service-name")).stream()
                    .map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return List.of();
        }
    }

    @Test
    void aPageOfFiftyRowsWithPagingSortingAndTheNameFilter() {
        browser.open("/services.xhtml");
        Lab.await(Duration.ofSeconds(10), () -> rows().size() == 50, () -> "one page of fifty, not every service: " + rows().size());
        long total = Api.get("/api/swarm/services").json().getInt("count");
        assertThat(browser.text(By.id("services-form:services_paginator_bottom"))).contains("1–50 / " + total);

        WebElement filter = browser.find(By.cssSelector("#services-form\\:services th.ui-filter-column input"));
        filter.sendKeys(PREFIX);
        Lab.await(Duration.ofSeconds(10), () -> browser.text(By.id("services-form:services_paginator_bottom")).contains("/ " + COUNT),
                () -> "the filter's count");
        Lab.await(Duration.ofSeconds(10), () -> rows().equals(NAMES.subList(0, 50)), () -> "the first fifty: " + rows());

        browser.click(By.cssSelector("#services-form\\:services_paginator_bottom .ui-paginator-next"));
        Lab.await(Duration.ofSeconds(10), () -> rows().equals(NAMES.subList(50, COUNT)), () -> "the second page: " + rows());

        By nameHeader = By.cssSelector("#services-form\\:services th.ui-sortable-column .ui-column-title"); // not its filter field
        browser.click(nameHeader); // ascending
        browser.click(nameHeader); // descending
        Lab.await(Duration.ofSeconds(10), () -> !rows().isEmpty() && rows().get(0).equals(NAMES.get(COUNT - 1)),
                () -> "the last name first once sorted descending: " + rows());
        browser.screenshot("services-paged");
    }
}
