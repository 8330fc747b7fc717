package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.dockerOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Several Swarms managed from one server: the lab's second Swarm (other1, a single node of its own) registered over
 * TLS with the lab's client certificates and over its unix socket, beside the default one (manager1 and two workers).
 * The docker CLI on other1 is the witness of what the overview says; a stopped other1 leaves the default alone.
 */
class ClustersIT {

    private static final Path TLS = Path.of("/run/swarm-lab/tls");
    private static final String OTHER_TLS = "tcp://198.18.0.31:2376";
    private static final String OTHER_SOCKET = "unix:///run/swarm-lab/other1/docker.sock";

    private final Api admin = Api.as(User.ADMIN);
    private final String name = Lab.uniqueName("site");
    private String otherService;

    @BeforeAll
    static void signIn() {
        IdentityProvider.start();
    }

    @AfterEach
    void cleanUp() {
        admin.call("DELETE", "/api/swarm/clusters/" + name, null);
        if (otherService != null) {
            try {
                dockerOn("other1", "service", "rm", otherService);
            } catch (AssertionError gone) {
                // already removed, or other1 was stopped by the test and not yet back
            }
        }
        try {
            dockerOn("other1", "info", "--format", "{{.Swarm.LocalNodeState}}");
        } catch (AssertionError stopped) {
            Lab.lab("start", "other1"); // the test that stops it failed before starting it again
        }
    }

    static String pem(String folder, String file) {
        try {
            return Files.readString(TLS.resolve(folder).resolve(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String tlsBody(String folder) {
        return Json.createObjectBuilder().add("docker_host", OTHER_TLS).add("ca_certificate", pem(folder, "ca.pem"))
                .add("client_certificate", pem(folder, "cert.pem")).add("client_key", pem(folder, "key.pem")).build().toString();
    }

    static String body(String host) {
        return Json.createObjectBuilder().add("docker_host", host).build().toString();
    }

    private Optional<JsonObject> listed(Api as, String cluster) {
        return as.call("GET", "/api/swarm/clusters", null).json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(cluster)).findFirst();
    }

    private JsonObject overview(String cluster) {
        Api.Answer answer = admin.call("GET", "/api/swarm/clusters/" + cluster, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonObject("data");
    }

    @Test
    void aSecondSwarmRegisteredOverTlsIsShownBesideTheDefaultWithItsOwnNodesAndServices() {
        Api.Answer registered = admin.call("PUT", "/api/swarm/clusters/" + name, tlsBody("client"));

        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        JsonObject site = registered.json().getJsonObject("data");
        assertThat(site.getString("swarm_id")).isEqualTo(dockerOn("other1", "info", "--format", "{{.Swarm.Cluster.ID}}"));
        assertThat(site.getString("health")).isEqualTo("healthy");
        assertThat(site.getJsonObject("nodes").getInt("total")).isEqualTo(1);
        assertThat(site.getBoolean("default_cluster")).isFalse();
        assertThat(site.getString("docker_host")).isEqualTo(OTHER_TLS);

        JsonObject own = listed(admin, "default").orElseThrow();
        assertThat(own.getBoolean("default_cluster")).isTrue();
        assertThat(own.getJsonObject("nodes").getInt("total")).as("manager1 and two workers").isEqualTo(3);
        assertThat(own.getString("swarm_id")).isEqualTo(Lab.docker("info", "--format", "{{.Swarm.Cluster.ID}}"));
        JsonObject seenByViewer = listed(Api.as(User.VIEWER), name).orElseThrow();
        assertThat(seenByViewer.isNull("docker_host")).as("where an Engine is, is for admins").isTrue();
        assertThat(seenByViewer.getString("swarm_id")).isEqualTo(site.getString("swarm_id"));

        // A service made on other1 behind the server's back shows in other1's line, and only there.
        int defaultServices = overview("default").getInt("services");
        int before = site.getInt("services");
        otherService = Lab.uniqueName("other");
        dockerOn("other1", "service", "create", "--detach", "--name", otherService, "--replicas", "1", "ocr-worker:1.0");
        Lab.await(Duration.ofSeconds(30), () -> overview(name).getInt("services") == before + 1,
                () -> name + " counted the service made on other1");
        assertThat(overview("default").getInt("services")).isEqualTo(defaultServices);

        assertThat(audit("clusters.set", name)).singleElement().satisfies(entry -> {
            assertThat(entry.getString("outcome")).isEqualTo("succeeded");
            assertThat(entry.toString()).as("the key is never written to the audit log").doesNotContain("PRIVATE KEY");
        });

        Api.Answer removed = admin.call("DELETE", "/api/swarm/clusters/" + name, null);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(admin.call("GET", "/api/swarm/clusters/" + name, null).status()).isEqualTo(404);
        assertThat(Metrics.text()).as("no series of a cluster no longer managed, its Engine calls' neither")
                .doesNotContain("cluster=\"" + name + "\"");
        assertThat(dockerOn("other1", "service", "ls", "--format", "{{.Name}}")).as("the Swarm itself is untouched")
                .contains(otherService);
    }

    @Test
    void onlyAdminsRegisterAndRemoveAndEveryAttemptIsAudited() {
        Api.Answer refused = Api.as(User.OPERATOR).call("PUT", "/api/swarm/clusters/" + name, body(OTHER_SOCKET));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(listed(admin, name)).isEmpty();
        assertThat(audit("clusters.set", name)).singleElement()
                .satisfies(entry -> assertThat(entry.getString("outcome")).isEqualTo("denied"));

        assertThat(admin.call("PUT", "/api/swarm/clusters/" + name, body(OTHER_SOCKET)).status()).isEqualTo(200);
        assertThat(Api.as(User.OPERATOR).call("DELETE", "/api/swarm/clusters/" + name, null).status()).isEqualTo(403);
        assertThat(listed(Api.as(User.VIEWER), name)).as("still registered, and viewers see it").isPresent();
    }

    @Test
    void aWrongCertificateIsRefusedWithAClearErrorAndNothingIsKept() {
        Api.Answer stranger = admin.call("PUT", "/api/swarm/clusters/" + name, tlsBody("stranger"));

        assertThat(stranger.status()).as(stranger.body()).isEqualTo(400);
        assertThat(stranger.error()).contains(OTHER_TLS).containsAnyOf("TLS handshake", "closed the TLS connection");
        assertThat(admin.call("GET", "/api/swarm/clusters/" + name, null).status()).isEqualTo(404);
        assertThat(audit("clusters.set", name)).singleElement()
                .satisfies(entry -> assertThat(entry.getString("outcome")).isEqualTo("failed"));
    }

    @Test
    void whatCannotBeManagedIsRefusedBeforeAnythingIsKept() {
        JsonObjectBuilder noCertificates = Json.createObjectBuilder().add("docker_host", OTHER_TLS);
        assertRefused(400, noCertificates.build().toString(), "client_key");
        assertRefused(400, body("unix:///run/swarm-lab/worker1/docker.sock"), "not a manager of an active Swarm (its state: a worker)");
        assertRefused(409, body(Lab.DOCKER_HOST), "already managed as 'default'");
        assertRefused(400, body("http://198.18.0.31:2375"), "must be unix:///path/to/docker.sock or tcp://host:port");
        assertRefused(400, Json.createObjectBuilder().add("docker_host", OTHER_TLS).add("ca_certificate", "not a certificate")
                .add("client_certificate", pem("client", "cert.pem")).add("client_key", pem("client", "key.pem")).build().toString(),
                "ca_certificate is not valid PEM");
        Api.Answer reserved = admin.call("PUT", "/api/swarm/clusters/default", body(OTHER_SOCKET));
        assertThat(reserved.status()).as(reserved.body()).isEqualTo(400);
        assertThat(reserved.error()).contains("not 'default'");
        assertThat(listed(admin, name)).isEmpty();
        assertThat(admin.call("GET", "/api/swarm/clusters", null).json().getInt("count")).isEqualTo(1);
    }

    private void assertRefused(int status, String body, String says) {
        Api.Answer answer = admin.call("PUT", "/api/swarm/clusters/" + name, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.error()).contains(says);
    }

    @Test
    void aStoppedClusterIsShownUnreachableLeavesTheDefaultAloneAndRecoversByItself() {
        assertThat(admin.call("PUT", "/api/swarm/clusters/" + name, body(OTHER_SOCKET)).status()).isEqualTo(200);
        Lab.lab("stop", "other1");

        Lab.await(Duration.ofSeconds(30), () -> overview(name).getBoolean("stale"), () -> name + " marked stale");
        JsonObject down = overview(name);
        assertThat(down.getString("health")).isEqualTo("unhealthy");
        assertThat(down.getJsonArray("reasons").getString(0)).startsWith("Docker is unavailable: ");
        assertThat(down.getJsonObject("nodes").getInt("total")).as("the last known counts stay").isEqualTo(1);
        JsonObject own = overview("default");
        assertThat(own.getBoolean("stale")).isFalse();
        assertThat(Api.get("/api/swarm/nodes").status()).as("the default cluster answers as before").isEqualTo(200);

        Lab.lab("start", "other1");
        Lab.await(Duration.ofSeconds(60), () -> !overview(name).getBoolean("stale"), () -> name + " read again after its start");
        assertThat(overview(name).getString("swarm_id")).isEqualTo(dockerOn("other1", "info", "--format", "{{.Swarm.Cluster.ID}}"));
    }

    @Test
    void theCertificatesAreStoredEncryptedAndBoundToTheirCluster() {
        Api local = LocalServer.admin();
        assertThat(local.call("PUT", "/api/swarm/clusters/" + name, tlsBody("client")).status()).isEqualTo(200);
        try {
            String sealed = LocalServer.psql("SELECT sealed_tls FROM swarm_cluster WHERE name = '" + name + "'");
            assertThat(sealed).startsWith("v1:").doesNotContain("BEGIN").doesNotContain("PRIVATE");
            assertThat(LocalServer.psql("SELECT docker_host FROM swarm_cluster WHERE name = '" + name + "'")).isEqualTo(OTHER_TLS);

            // The sealed value moved to another row does not open: the name is part of what was sealed.
            String moved = name + "-moved";
            LocalServer.psql("UPDATE swarm_cluster SET name = '" + moved + "' WHERE name = '" + name + "'");
            try {
                Lab.await(Duration.ofSeconds(30), () -> local.call("GET", "/api/swarm/clusters/" + moved, null).json()
                        .getJsonObject("data").getJsonArray("reasons").toString().contains("cannot be decrypted"),
                        () -> moved + " refused its certificates");
            } finally {
                local.call("DELETE", "/api/swarm/clusters/" + moved, null);
            }
        } finally {
            local.call("DELETE", "/api/swarm/clusters/" + name, null);
        }
    }

    private List<JsonObject> audit(String action, String target) {
        Api.Answer answer = Api.get("/api/swarm/audit?size=500&action=" + action + "&target=" + target);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("data").getValuesAs(JsonObject.class);
    }
}
