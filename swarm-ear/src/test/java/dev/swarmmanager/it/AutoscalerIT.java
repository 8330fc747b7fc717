package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The autoscaler on the deployed EAR (a 2 s cycle) against the lab, with Debian's Prometheus on loopback scraping a
 * queue-depth gauge this test sets every second: it scales up within the window, never above the maximum, scales
 * down only once the stabilisation window has passed, does not flap on an oscillating figure, only records in a dry
 * run, and leaves an operator's hand alone for the cooldown. The docker CLI is the witness of every scale; the audit
 * log names the autoscaler.
 */
class AutoscalerIT {

    private static final int PROMETHEUS_PORT = Integer.getInteger("swarm.it.prometheus-port", 19090);
    private static final AtomicLong QUEUE = new AtomicLong();
    private static HttpServer exporter;
    private static Process prometheus;
    private static Path data;

    private final Api operator = Api.as(User.OPERATOR);
    private final String name = Lab.uniqueName("auto");

    @BeforeAll
    static void startPrometheus() throws Exception {
        IdentityProvider.start();
        exporter = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        exporter.createContext("/metrics", exchange -> {
            byte[] body = ("# TYPE ocr_queue_depth gauge\nocr_queue_depth{queue=\"pages\"} " + QUEUE.get() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        exporter.start();
        data = Files.createTempDirectory("prometheus");
        Path config = data.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
                + "  - job_name: ocr\n    static_configs:\n      - targets: ['127.0.0.1:" + exporter.getAddress().getPort() + "']\n");
        prometheus = new ProcessBuilder("prometheus", "--config.file=" + config, "--storage.tsdb.path=" + data.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + PROMETHEUS_PORT)
                .redirectErrorStream(true).redirectOutput(data.resolve("prometheus.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        Lab.await(Duration.ofSeconds(30), () -> {
            try {
                String answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PROMETHEUS_PORT
                        + "/api/v1/query?query=ocr_queue_depth")).build(), HttpResponse.BodyHandlers.ofString()).body();
                return answer.contains("\"pages\"");
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, () -> "Prometheus to scrape the gauge");
    }

    @AfterAll
    static void stopPrometheus() throws Exception {
        prometheus.destroy();
        prometheus.waitFor();
        exporter.stop(0);
    }

    @AfterEach
    void removeIt() {
        operator.call("DELETE", "/api/swarm/scaling-policies/" + name, null);
        Lab.removeServiceQuietly(name);
    }

    private void createService() {
        Api.Answer created = operator.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\","
                + "\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":1}}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private void policy(String settings) {
        Api.Answer set = operator.call("PUT", "/api/swarm/scaling-policies/" + name, "{\"min_replicas\":1,\"max_replicas\":4,"
                + "\"metric\":\"prometheus\",\"query\":\"sum(ocr_queue_depth)\",\"target\":10," + settings + "}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private int replicas() {
        return Integer.parseInt(docker("service", "inspect", name, "--format", "{{.Spec.Mode.Replicated.Replicas}}"));
    }

    private List<String> decisions() {
        return operator.call("GET", "/api/swarm/scaling-policies/" + name + "/decisions?size=500", null).json().getJsonArray("data")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("summary")).toList();
    }

    private long autoscalerScales() {
        return Api.as(User.ADMIN).call("GET", "/api/swarm/audit?user=autoscaler&target=" + name + "&size=500", null).json()
                .getInt("total");
    }

    @Test
    void theQueueScalesTheServiceUpToItsMaximumAndDownOnlyAfterTheWindowWithoutFlapping() {
        createService();
        QUEUE.set(0);
        policy("\"scale_down_window_seconds\":12,\"scale_up_cooldown_seconds\":0,\"scale_down_cooldown_seconds\":0");

        QUEUE.set(35); // ceil(35 / 10) = 4
        Lab.await(Duration.ofSeconds(30), () -> replicas() == 4, () -> "4 replicas for a queue of 35; decisions: " + decisions());
        QUEUE.set(100); // 10 would carry it, the maximum is 4
        Lab.sleep(6000);
        assertThat(replicas()).as("never above the maximum").isEqualTo(4);
        long scalesSoFar = autoscalerScales();
        assertThat(scalesSoFar).as("the audit log names the autoscaler").isGreaterThanOrEqualTo(1);

        // An oscillating queue for longer than the window: the highest recommendation holds, nothing flaps.
        Instant lastHigh = Instant.now();
        for (int i = 0; i < 7; i++) {
            if (i % 2 == 1) {
                lastHigh = Instant.now();
            }
            QUEUE.set(i % 2 == 0 ? 5 : 35);
            Lab.sleep(2000);
        }
        assertThat(replicas()).isEqualTo(4);
        assertThat(autoscalerScales()).as("no scale while the figure oscillates").isEqualTo(scalesSoFar);

        QUEUE.set(5);
        Lab.await(Duration.ofSeconds(60), () -> replicas() == 1, () -> "back to 1 replica; decisions: " + decisions());
        // The last high figure was read at the earliest when it was set: the window runs from there.
        assertThat(Duration.between(lastHigh, Instant.now())).as("not before the 12 s window has passed since the last high figure")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(12));
        Lab.awaitRunning(name, 1);
        assertThat(decisions()).anyMatch(d -> d.contains("scaled-up") && d.contains("1 → 4"))
                .anyMatch(d -> d.contains("scaled-down") && d.contains("4 → 1"))
                .anyMatch(d -> d.contains("unchanged") && d.contains("stabilisation window"));
    }

    @Test
    void aDryRunOnlyRecordsAndAHandScaleIsLeftAloneForTheCooldown() {
        createService();
        QUEUE.set(35);
        policy("\"dry_run\":true");
        Lab.await(Duration.ofSeconds(30), () -> decisions().stream().anyMatch(d -> d.contains("dry-run") && d.contains("1 → 4")),
                () -> "a dry-run decision; decisions: " + decisions());
        assertThat(replicas()).as("a dry run scales nothing").isEqualTo(1);

        QUEUE.set(10); // 1 replica carries it
        Lab.await(Duration.ofSeconds(30), () -> decisions().stream().findFirst().orElse("").contains("value 10,"),
                () -> "the new figure read; decisions: " + decisions());
        policy("\"scale_up_cooldown_seconds\":10,\"scale_down_cooldown_seconds\":10,\"scale_down_window_seconds\":0");
        docker("service", "scale", "--detach", name + "=3");
        Lab.await(Duration.ofSeconds(30), () -> decisions().stream().anyMatch(d -> d.contains("cooldown") && d.contains("scaled by hand to 3")),
                () -> "the hand noticed; policy " + operator.call("GET", "/api/swarm/scaling-policies/" + name, null).body()
                        + "; decisions: " + decisions().subList(0, Math.min(5, decisions().size())));
        assertThat(replicas()).as("the operator's 3 stand during the cooldown").isEqualTo(3);
        Lab.await(Duration.ofSeconds(40), () -> replicas() == 1, () -> "back to 1 after the cooldown; decisions: " + decisions());
    }

    @Test
    void aPolicyIsCheckedBeforeItIsKept() {
        createService();
        assertThat(operator.call("PUT", "/api/swarm/scaling-policies/" + name, "{\"min_replicas\":3,\"max_replicas\":2,\"metric\":\"cpu\",\"target\":50}")
                .error()).startsWith("max_replicas must be at least 1 and at least min_replicas");
        assertThat(operator.call("PUT", "/api/swarm/scaling-policies/" + name, "{\"min_replicas\":1,\"max_replicas\":100000,\"metric\":\"cpu\",\"target\":50}")
                .status()).as("above the deployment policy's largest scale").isEqualTo(400);
        assertThat(operator.call("PUT", "/api/swarm/scaling-policies/no-such-" + name, "{\"min_replicas\":1,\"max_replicas\":2,\"metric\":\"cpu\",\"target\":50}")
                .status()).isEqualTo(404);
        assertThat(Api.as(User.VIEWER).call("PUT", "/api/swarm/scaling-policies/" + name, "{\"min_replicas\":1,\"max_replicas\":2,\"metric\":\"cpu\",\"target\":50}")
                .status()).isEqualTo(403);
        assertThat(operator.call("GET", "/api/swarm/scaling-policies/" + name, null).status()).as("nothing kept").isEqualTo(404);
    }
}
