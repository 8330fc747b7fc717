package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Lists come from the server's mirror of the cluster: reading them asks Docker nothing, what is changed with the
 * docker CLI arrives by itself (the test server's full re-read runs only every minute, so Docker's events bring
 * it), and what is changed through the API is read back at once.
 */
class MirrorIT {

    private static double engineCalls(String endpoint) {
        // the default cluster's: a registered one's checks and watch are not what these tests count
        return Metrics.sum(Metrics.text(), "swarm_docker_calls_total", "cluster=\"default\"", "endpoint=\"" + endpoint + "\"");
    }

    private static Optional<JsonObject> listed(String service) {
        return Api.get("/api/swarm/services?name=" + service).json().getJsonArray("data").stream()
                .map(JsonObject.class::cast).filter(s -> s.getString("name").equals(service)).findFirst();
    }

    @Test
    void readingListsAsksDockerNothing() {
        Lab.await(Duration.ofSeconds(15), () -> !Api.get("/api/swarm/health").json().getJsonObject("data").getBoolean("stale"),
                () -> "a current mirror");
        double services = engineCalls("GET /services");
        double tasks = engineCalls("GET /tasks");
        double nodes = engineCalls("GET /nodes");
        for (int i = 0; i < 20; i++) {
            assertThat(Api.get("/api/swarm/services").status()).isEqualTo(200);
            assertThat(Api.get("/api/swarm/nodes").status()).isEqualTo(200);
            assertThat(Api.get("/api/swarm/stacks").status()).isEqualTo(200);
        }
        // 60 reads; the server's own reads (an event's follow-up, the minute's re-read) may fall in between
        assertThat(engineCalls("GET /services") - services).isLessThan(3);
        assertThat(engineCalls("GET /tasks") - tasks).isLessThan(3);
        assertThat(engineCalls("GET /nodes") - nodes).isLessThan(3);
    }

    @Test
    void aServiceCreatedWithTheCliAppearsWithItsReplicasRunningAndGoesWhenRemoved() {
        String service = Lab.uniqueName("mirror");
        docker("service", "create", "--detach", "--quiet", "--name", service, "--replicas", "2",
                "--stop-grace-period", "1s", "ocr-worker:1.0");
        try {
            // The Engine sends no event when a task starts on another node: the server reads the service again
            // until it has settled.
            Lab.await(Duration.ofSeconds(20), () -> listed(service).map(s -> s.getInt("running_replicas") == 2).orElse(false),
                    () -> service + " listed with 2 running replicas");
            assertThat(Api.get("/api/swarm/services/" + service + "/tasks").json().getJsonArray("data").stream()
                    .map(t -> ((JsonObject) t).getString("id")).toList())
                    .containsExactlyInAnyOrderElementsOf(docker("service", "ps", "-q", "--no-trunc", service).lines().toList());
        } finally {
            Lab.removeServiceQuietly(service);
        }
        Lab.await(Duration.ofSeconds(10), () -> listed(service).isEmpty(), () -> service + " gone from the list");
    }

    @Test
    void aScaleThroughTheApiIsReadBackAtOnce() {
        String service = Lab.uniqueName("mirror-ryw");
        Lab.createWorkerService(service, 1);
        try {
            Lab.await(Duration.ofSeconds(10), () -> listed(service).isPresent(), () -> service + " listed");
            assertThat(Api.post("/api/swarm/services/" + service + "/scale", "{\"replicas\": 3}").status()).isEqualTo(200);
            assertThat(listed(service)).get().extracting(s -> s.getInt("desired_replicas")).isEqualTo(3);

            assertThat(Api.delete("/api/swarm/services/" + service).status()).isEqualTo(200);
            assertThat(listed(service)).isEmpty();
        } finally {
            Lab.removeServiceQuietly(service);
        }
    }
}
