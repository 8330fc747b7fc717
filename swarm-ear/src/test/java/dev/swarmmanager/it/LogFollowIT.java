package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.it.ui.Browser;
import dev.swarmmanager.lab.Lab;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Live log follow on the deployed server: a service that writes a line a second, followed through the API and the
 * UI; the server lets go of everything (its reader thread and its Engine connection, counted by the
 * swarm_log_follows gauge) once the client leaves.
 */
class LogFollowIT {

    private static String service;

    @BeforeAll
    static void startTicker() {
        service = Lab.uniqueName("ticker");
        docker("service", "create", "--detach", "--name", service, "--replicas", "1", "--stop-grace-period", "1s",
                "ocr-worker:1.0", "sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $i; sleep 1; done");
        Lab.awaitRunning(service, 1);
    }

    @AfterAll
    static void removeTicker() {
        Lab.removeServiceQuietly(service);
    }

    /** One follow connection, its lines parsed as they arrive. */
    static final class Follow implements AutoCloseable {
        final BlockingQueue<JsonObject> lines = new LinkedBlockingQueue<>();
        final List<String> ids = new ArrayList<>();
        final int status;
        private final InputStream body;

        Follow(String authorization, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(Api.uri("/api/swarm/services/" + service + "/logs?follow=true&tail=0"))
                    .header("Accept", "text/event-stream").header("Authorization", authorization)
                    .timeout(Duration.ofSeconds(20)); // until the answer's headers: a server out of threads fails the test, not hangs it
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            body = response.body();
            if (status == 200) {
                Thread reader = new Thread(this::read, "follow-reader");
                reader.setDaemon(true);
                reader.start();
            }
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        synchronized (ids) {
                            ids.add(line.substring(4));
                        }
                    } else if (line.startsWith("data: ")) {
                        lines.add(Json.createReader(new StringReader(line.substring(6))).readObject());
                    }
                }
            } catch (Exception closed) {
                // the test closed the connection
            }
        }

        JsonObject next() throws InterruptedException {
            JsonObject line = lines.poll(15, TimeUnit.SECONDS);
            assertThat(line).as("a new line within 15 s").isNotNull();
            return line;
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }

    @Test
    void newLinesArriveAsTheyAreWrittenAndTheServerLetsGoWhenTheClientLeaves() throws Exception {
        try (Follow follow = new Follow(Api.authorization(User.OPERATOR), null)) {
            assertThat(follow.status).isEqualTo(200);
            int first = tick(follow.next());
            int second = tick(follow.next());
            assertThat(second).as("the next line the worker wrote").isGreaterThan(first);
            assertThat(follows()).isEqualTo(1);
        }
        Lab.await(Duration.ofSeconds(20), () -> follows() == 0, () -> "the server to end the follow of a client that left");
    }

    @Test
    void openFollowsHoldNoRequestThreadAndAreCappedPerUser() throws Exception {
        Lab.await(Duration.ofSeconds(20), () -> follows() == 0, () -> "the follows of other tests to end");
        List<Follow> open = new ArrayList<>();
        try {
            // More follows than the server has request threads (this test server's pool has 5: swarm-ear/pom.xml), from
            // two users.
            for (int i = 0; i < 5; i++) {
                open.add(new Follow(Api.adminAuthorization(), null));
            }
            for (int i = 0; i < 3; i++) {
                open.add(new Follow(Api.authorization(User.OPERATOR), null));
            }
            assertThat(open).allSatisfy(f -> assertThat(f.status).isEqualTo(200));
            assertThat(follows()).isEqualTo(8);

            Api.Answer sixth = Api.get("/api/swarm/services/" + service + "/logs?follow=true&tail=0");
            assertThat(sixth.status()).as("the admin's sixth follow").isEqualTo(429);
            assertThat(sixth.error()).contains("swarm.logs.max-follows-per-user");

            assertThat(Api.get("/api/swarm/health").status()).as("the API answers while they are open").isEqualTo(200);
            assertThat(Api.anonymous().call("GET", "/health/ready", null).status()).isIn(200, 503);
            assertThat(Api.get("/api/swarm/services/" + service + "/logs?tail=5").status()).isEqualTo(200);
            for (Follow follow : open) {
                tick(follow.next()); // every one of them still streams
            }
        } finally {
            for (Follow follow : open) {
                follow.close();
            }
        }
        Lab.await(Duration.ofSeconds(20), () -> follows() == 0, () -> "the server to end the follows of clients that left");
    }

    @Test
    void aReconnectWithTheLastEventIdResumesAfterIt() throws Exception {
        String resumeAfter;
        int lastTick;
        String operator = Api.authorization(User.OPERATOR);
        try (Follow follow = new Follow(operator, null)) {
            lastTick = tick(follow.next());
            synchronized (follow.ids) {
                resumeAfter = follow.ids.get(follow.ids.size() - 1);
            }
        }
        // lines written while no one was connected: wait until the service has written two more
        Lab.await(Duration.ofSeconds(15), () -> Api.get("/api/swarm/services/" + service + "/logs?tail=3").json()
                .getJsonArray("data").getValuesAs(JsonObject.class).stream().anyMatch(l -> tick(l) >= lastTick + 2),
                () -> "two more lines of " + service);
        try (Follow resumed = new Follow(operator, resumeAfter)) {
            assertThat(tick(resumed.next())).as("the line right after the last one seen").isEqualTo(lastTick + 1);
        }
    }

    @Test
    void followingNeedsTheOperatorRoleAndAServiceThatExists() throws Exception {
        try (Follow viewer = new Follow(Api.authorization(User.VIEWER), null)) {
            assertThat(viewer.status).isEqualTo(403);
        }
        Api.Answer missing = Api.get("/api/swarm/services/no-such-ticker/logs?follow=true");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error()).contains("no-such-ticker");
    }

    @Test
    void theUiLogsPageFollowsWithoutReloading() throws Exception {
        try (Browser browser = new Browser().signIn(User.OPERATOR)) {
            browser.open("/logs.xhtml?service=" + service);
            int shown = lastTickOnPage(browser);
            browser.waitFor(d -> lastTickOnPage(browser) >= shown + 2);
            assertThat(browser.driver().getCurrentUrl()).contains("/logs.xhtml");
        }
    }

    private static int lastTickOnPage(Browser browser) {
        List<String> ticks = browser.driver().findElements(By.cssSelector("#logs-form\\:lines .log-message")).stream()
                .map(e -> e.getText()).filter(t -> t.startsWith("tick ")).toList();
        return ticks.isEmpty() ? 0 : Integer.parseInt(ticks.get(ticks.size() - 1).substring(5).trim());
    }

    private static int tick(JsonObject line) {
        String message = line.getString("message");
        assertThat(message).startsWith("tick ");
        return Integer.parseInt(message.substring(5).trim());
    }

    private static double follows() {
        String metrics = Api.send(HttpRequest.newBuilder(Api.uri("/metrics")).header("Accept", "text/plain").GET()).body();
        return metrics.lines().filter(l -> l.startsWith("swarm_log_follows")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow();
    }
}
