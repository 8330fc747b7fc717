package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Work that must run once per cluster does, however many instances share the database: on the second server
 * (PostgreSQL, alerts judged every second), a lease row written by "another instance" straight into the database keeps
 * this one from judging alerts or writing the history, and it takes over (the alert fires, once; changes are kept) as
 * soon as that lease lapses. The database is changed with psql, as a second instance would change it, so a copy of the
 * row cached by this one would be caught.
 */
class LeasesIT {

    @Test
    void anInstanceJudgesAlertsOnlyWhileItHoldsTheLease() throws Exception {
        Api admin = LocalServer.admin();
        String name = Lab.uniqueName("lease");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            assertThat(admin.call("PUT", "/api/swarm/alerts/channels/" + name, "{\"type\":\"webhook\",\"target\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/hook\"}").status()).isEqualTo(200);
            assertThat(admin.call("PUT", "/api/swarm/alerts/rules/" + name, "{\"condition\":\"service-short\",\"service\":\"" + name
                    + "\",\"for_seconds\":0}").status()).isEqualTo(200);
            Lab.await(Duration.ofSeconds(30), () -> !LocalServer.psql("SELECT holder FROM swarm_lease WHERE lease_name = 'alerts'").isEmpty(),
                    () -> "the local server to hold the alerts lease");
            String self = LocalServer.psql("SELECT holder FROM swarm_lease WHERE lease_name = 'alerts'");

            // Another instance takes the lease for a day.
            LocalServer.psql("UPDATE swarm_lease SET holder = 'another-instance', expires_at = expires_at + interval '1 day', "
                    + "row_version = row_version + 1 WHERE lease_name = 'alerts'");
            docker("service", "create", "--detach", "--name", name, "--constraint", "node.labels.nowhere==true", "ocr-worker:1.0");
            Lab.sleep(5000);
            assertThat(openAlerts(admin, name)).as("not judged here while another instance holds the lease").isEmpty();
            assertThat(received).isEmpty();
            assertThat(LocalServer.psql("SELECT holder FROM swarm_lease WHERE lease_name = 'alerts'")).isEqualTo("another-instance");

            // Its lease lapses (it died): this one takes over and judges.
            LocalServer.psql("UPDATE swarm_lease SET expires_at = expires_at - interval '2 days', row_version = row_version + 1 "
                    + "WHERE lease_name = 'alerts'");
            Lab.await(Duration.ofSeconds(30), () -> openAlerts(admin, name).size() == 1
                    && received.stream().filter(b -> b.contains("\"rule\":\"" + name + "\"")).count() == 1, () -> "the alert, once taken over");
            assertThat(LocalServer.psql("SELECT holder FROM swarm_lease WHERE lease_name = 'alerts'")).isEqualTo(self);
        } finally {
            Lab.removeServiceQuietly(name);
            admin.call("DELETE", "/api/swarm/alerts/rules/" + name, null);
            admin.call("DELETE", "/api/swarm/alerts/channels/" + name, null);
            receiver.stop(0);
        }
    }

    @Test
    void anInstanceWritesTheHistoryOnlyWhileItHoldsTheLease() {
        Api admin = LocalServer.admin();
        String quiet = Lab.uniqueName("lease-quiet");
        String kept = Lab.uniqueName("lease-kept");
        try {
            Lab.createWorkerService(Lab.uniqueName("lease-warm"), 1); // a change, so that the history lease is taken
            Lab.await(Duration.ofSeconds(30), () -> !LocalServer.psql("SELECT holder FROM swarm_lease WHERE lease_name = 'history'").isEmpty(),
                    () -> "the local server to hold the history lease");
            LocalServer.psql("UPDATE swarm_lease SET holder = 'another-instance', expires_at = expires_at + interval '1 day', "
                    + "row_version = row_version + 1 WHERE lease_name = 'history'");
            Lab.sleep(11_000); // past what the instance remembers of its own lease (a third of the 30 s term)
            docker("service", "create", "--detach", "--name", quiet, "ocr-worker:1.0");
            Lab.sleep(5000);
            assertThat(history(admin, quiet)).as("kept by the other instance, not this one").isEqualTo(0);

            LocalServer.psql("UPDATE swarm_lease SET expires_at = expires_at - interval '2 days', row_version = row_version + 1 "
                    + "WHERE lease_name = 'history'");
            docker("service", "create", "--detach", "--name", kept, "ocr-worker:1.0");
            Lab.await(Duration.ofSeconds(30), () -> history(admin, kept) > 0, () -> "the change kept, once the lease is taken over");
        } finally {
            Lab.removeServiceQuietly(quiet);
            Lab.removeServiceQuietly(kept);
            docker("service", "ls", "-q", "--filter", "name=lease-warm").lines().filter(l -> !l.isBlank())
                    .forEach(Lab::removeServiceQuietly);
        }
    }

    private static int history(Api admin, String object) {
        return admin.call("GET", "/api/swarm/history?object=" + object, null).json().getInt("total");
    }

    private static List<JsonObject> openAlerts(Api admin, String rule) {
        return admin.call("GET", "/api/swarm/alerts", null).json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("rule").equals(rule)).toList();
    }
}
