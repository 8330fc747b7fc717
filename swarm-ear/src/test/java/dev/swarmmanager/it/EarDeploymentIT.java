package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The EAR as built, deployed on Payara Server 6.2025.10, wired to the lab: every module answers. */
class EarDeploymentIT {

    @Test
    void theApiAnswersFromTheEjbModuleAgainstTheLab() {
        Api.Answer nodes = Api.get("/api/swarm/nodes");
        assertThat(nodes.status()).isEqualTo(200);
        assertThat(nodes.contentType()).startsWith("application/json");
        assertThat(nodes.json().getBoolean("success")).isTrue();
        assertThat(nodes.json().getInt("count")).isEqualTo(docker("node", "ls", "-q").lines().count());
    }

    @Test
    void theHealthCacheRunsInTheServer() {
        Api.Answer health = Api.get("/api/swarm/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getJsonObject("data").getBoolean("stale")).isFalse();
        assertThat(health.json().getJsonObject("data").getJsonObject("node_health").getBoolean("leader_present")).isTrue();
    }

    @Test
    void theAdminUiAtTheRootSendsAnonymousVisitorsToTheProvider() {
        IdentityProvider.start();
        Api.Answer page = Api.anonymous().call("GET", "/", null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).startsWith(IdentityProvider.ISSUER + "/authorize?").contains("client_id=swarm-manager");
    }

    @Test
    void responsesCarrySecurityHeadersAndNoCorsGrant() throws Exception {
        var ui = Api.send(java.net.http.HttpRequest.newBuilder(Api.uri("/signed-out.xhtml")).GET());
        var api = Api.send(java.net.http.HttpRequest.newBuilder(Api.uri("/api/swarm/info"))
                .header("Origin", "https://evil.example").GET());
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'", "default-src 'self'"));
        assertThat(ui.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().map().keySet()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-"));
    }

    @Test
    void theServerWasStartedWithBothPhoneHomesOff() throws Exception {
        String log = Files.readString(Path.of(System.getProperty("swarm.it.server-log")));
        assertThat(log).contains("-Dhazelcast.phone.home.enabled=false");
        String domain = Files.readString(Path.of(System.getProperty("swarm.it.server-log"))
                .resolveSibling("../config/domain.xml").normalize());
        // Payara rewrites domain.xml on start: the element survives (with an ID Payara added) and stays off.
        assertThat(domain).containsPattern("<phone-home-runtime-configuration [^>]*enabled=\"false\"");
    }
}
