package dev.swarmmanager.it.security;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.LocalServer;
import dev.swarmmanager.lab.Lab;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A page on another site cannot make changes through a browser that holds credentials for this server: a browser
 * names the site a request comes from, and such writes are refused; local mode sends no Basic challenge, so a browser
 * never learns to attach Basic credentials on its own.
 */
class CrossSiteIT {

    private String service;

    @BeforeEach
    void createService() {
        service = Lab.uniqueName("crosssite");
        Lab.createWorkerService(service, 1);
    }

    @AfterEach
    void removeService() {
        Lab.removeServiceQuietly(service);
    }

    @Test
    void aWriteFromAnotherSitesPageIsRefusedAndChangesNothing() {
        Api.Answer fromOrigin = scale("Origin", "http://evil.example");
        assertThat(fromOrigin.status()).isEqualTo(403);
        assertThat(fromOrigin.error()).contains("another site");
        assertThat(scale("Sec-Fetch-Site", "cross-site").status()).isEqualTo(403);
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("1");

        assertThat(scale("Origin", Api.BASE).status()).as("the UI's own origin").isEqualTo(200);
        assertThat(scale("Sec-Fetch-Site", "same-origin").status()).isEqualTo(200);
        assertThat(Api.send(HttpRequest.newBuilder(Api.uri("/api/swarm/services")).header("Origin", "http://evil.example").GET())
                .status()).as("reads stay readable (no CORS grant lets another site see them)").isEqualTo(200);
    }

    @Test
    void localModeNeverAsksBrowsersForBasicCredentials() {
        Api.Answer anonymous = Api.of(LocalServer.BASE, null).call("GET", "/api/swarm/info", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("WWW-Authenticate")).isNotEmpty()
                .noneMatch(challenge -> challenge.regionMatches(true, 0, "Basic", 0, 5));
        assertThat(LocalServer.admin().call("GET", "/api/swarm/info", null).status()).as("Basic still works when sent").isEqualTo(200);
    }

    @Test
    void theUisSessionCookieStaysOnThisSite() {
        Api.Answer page = Api.of(LocalServer.BASE, null).sendAs(HttpRequest.newBuilder(java.net.URI.create(LocalServer.BASE + "/services.xhtml"))
                .header("Accept", "text/html").GET()); // a page navigation: the sign-in remembers it in a new session
        assertThat(page.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }

    private Api.Answer scale(String header, String value) {
        return Api.send(HttpRequest.newBuilder(Api.uri("/api/swarm/services/" + service + "/scale"))
                .header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString("{\"replicas\":1}")));
    }
}
