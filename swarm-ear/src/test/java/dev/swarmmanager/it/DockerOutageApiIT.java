package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.lab.Lab;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Docker goes away under the running server: clients get 503 with the reason, then service resumes unaided. */
class DockerOutageApiIT {

    @Test
    void dockerStoppedGives503ThenTheApiRecoversByItself() throws Exception {
        assertThat(Api.get("/api/swarm/nodes").status()).isEqualTo(200);
        Lab.lab("stop", "manager1");
        ChangeFeedIT.Stream stream = new ChangeFeedIT.Stream(null);
        String service = Lab.uniqueName("after-outage");
        try {
            // The event stream breaks with Docker: the mirror notices at once and is no longer served
            Lab.await(Duration.ofSeconds(5), () -> Api.get("/api/swarm/nodes").status() == 503, () -> "503 for the nodes");
            Api.Answer nodes = Api.get("/api/swarm/nodes");
            assertThat(nodes.error()).startsWith("Docker is unavailable at " + Lab.DOCKER_HOST + ": ");
            assertThat(Api.post("/api/swarm/services/anything/scale", "{\"replicas\": 1}").status()).isEqualTo(503);

            Lab.await(Duration.ofSeconds(15), () -> Api.get("/api/swarm/health").json().getJsonObject("data").getBoolean("stale"),
                    () -> "the health cache to notice");
            var health = Api.get("/api/swarm/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().getJsonObject("data").getString("overall_health")).isEqualTo("unhealthy");
            assertThat(Api.get("/health/ready").status()).isEqualTo(503);
            try (var browser = new dev.swarmmanager.it.ui.Browser().signIn(IdentityProvider.User.ADMIN)) {
                browser.open("/services.xhtml");
                assertThat(browser.text(org.openqa.selenium.By.id("docker-banner"))).contains("Docker cannot be reached");
                assertThat(browser.text(org.openqa.selenium.By.id("messages"))).contains("Docker is unavailable");
                browser.screenshot("docker-unavailable");
            }
        } finally {
            Lab.lab("start", "manager1");
        }
        Lab.awaitAllNodesReady();
        assertThat(Api.get("/api/swarm/nodes").status()).isEqualTo(200);
        Lab.await(Duration.ofSeconds(15), () -> !Api.get("/api/swarm/health").json().getJsonObject("data").getBoolean("stale"),
                () -> "the health cache to recover");
        assertThat(Api.get("/health/ready").status()).isEqualTo(200);
        try (var browser = new dev.swarmmanager.it.ui.Browser().signIn(IdentityProvider.User.ADMIN)) {
            browser.open("/services.xhtml");
            assertThat(browser.find(org.openqa.selenium.By.id("services-form:services")).isDisplayed())
                    .as("the services page itself, signed in").isTrue();
            assertThat(browser.driver().findElements(org.openqa.selenium.By.id("docker-banner"))).isEmpty();
        }

        // A change feed client connected during the outage goes on receiving changes once Docker is back.
        try (stream) {
            Lab.createWorkerService(service, 1);
            stream.await(e -> e.type().equals("service") && e.change().getJsonObject("data").getString("name").equals(service),
                    Duration.ofSeconds(10));
        } finally {
            Lab.removeServiceQuietly(service);
        }
    }
}
