package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts on the deployed EAR (judged every second) against the three-node lab, with a real SMTP server (GreenMail) and
 * a webhook receiver on loopback: a killed worker raises one alert, sent once by webhook, chat webhook and mail, and
 * one resolution when it is back; a silenced rule's alert shows but is sent only once the silence ends; a channel's
 * test says whether the receiver took it. The docker CLI witnesses the node's state.
 */
class AlertsIT {

    private static final int SMTP_PORT = Integer.getInteger("swarm.it.smtp-port", 13025);
    private static final List<JsonObject> HOOKS = new CopyOnWriteArrayList<>();
    private static final List<String> CHATS = new CopyOnWriteArrayList<>();
    private static GreenMail smtp;
    private static HttpServer receiver;
    private static final Api ADMIN = Api.as(User.ADMIN);
    private static final String RUN = Lab.uniqueName("it");

    @BeforeAll
    static void startReceivers() throws Exception {
        IdentityProvider.start();
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            HOOKS.add(Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/chat", exchange -> {
            CHATS.add(Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)))
                    .readObject().getString("text"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(410, -1);
            exchange.close();
        });
        receiver.start();
        String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
        channel(RUN + "-hook", "{\"type\":\"webhook\",\"target\":\"" + base + "/hook\"}");
        channel(RUN + "-chat", "{\"type\":\"chat\",\"target\":\"" + base + "/chat\",\"minimum_severity\":\"warning\"}");
        channel(RUN + "-mail", "{\"type\":\"email\",\"target\":\"ops@swarm.test, oncall@swarm.test\"}");
    }

    @AfterAll
    static void stopReceivers() {
        for (String name : List.of("-hook", "-chat", "-mail", "-gone")) {
            ADMIN.call("DELETE", "/api/swarm/alerts/channels/" + RUN + name, null);
        }
        receiver.stop(0);
        smtp.stop();
    }

    private static void channel(String name, String body) {
        Api.Answer set = ADMIN.call("PUT", "/api/swarm/alerts/channels/" + name, body);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private static void rule(String name, String body) {
        Api.Answer set = ADMIN.call("PUT", "/api/swarm/alerts/rules/" + name, body);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    private static List<JsonObject> hooks(String rule, String status) {
        return HOOKS.stream().filter(h -> h.getString("rule").equals(rule) && h.getString("status").equals(status)).toList();
    }

    private static List<String> chats(String rule, String state) {
        return CHATS.stream().filter(c -> c.startsWith("[" + state + "] ") && c.contains(" · " + rule + " · ")).toList();
    }

    private static List<MimeMessage> mails(String rule, String state) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                if (message.getSubject().startsWith("[" + state + "] ") && message.getSubject().contains(" · " + rule + " · ")) {
                    found.add(message);
                }
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }
        return found;
    }

    private static List<JsonObject> openAlerts(String rule) {
        return ADMIN.call("GET", "/api/swarm/alerts", null).json().getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("rule").equals(rule)).toList();
    }

    private static String nodeStatus(String node) {
        return docker("node", "ls", "--filter", "name=" + node, "--format", "{{.Status}}");
    }

    @Test
    void aKilledWorkerRaisesOneAlertByWebhookChatAndMailAndOneResolutionWhenItIsBack() throws Exception {
        String rule = RUN + "-node-down";
        rule(rule, "{\"condition\":\"node-down\",\"severity\":\"critical\",\"for_seconds\":2}");
        try {
            Lab.lab("kill", "worker2");
            try {
                Lab.await(Duration.ofSeconds(60), () -> nodeStatus("worker2").equals("Down"), () -> "the managers to see worker2 down");
                Lab.await(Duration.ofSeconds(90), () -> hooks(rule, "firing").size() == 1 && chats(rule, "FIRING").size() == 1
                        && mails(rule, "FIRING").size() == 2, () -> "the alert by webhook, chat and mail; hooks " + HOOKS + ", chats " + CHATS);
                JsonObject hook = hooks(rule, "firing").get(0);
                assertThat(hook.getString("severity")).isEqualTo("critical");
                assertThat(hook.getString("object_kind")).isEqualTo("node");
                assertThat(hook.getString("object")).isEqualTo("worker2");
                assertThat(hook.getString("summary")).isEqualTo("node worker2 is down");
                assertThat(hook.getBoolean("test")).isFalse();
                assertThat(chats(rule, "FIRING").get(0)).startsWith("[FIRING] critical · " + rule + " · node worker2\nnode worker2 is down");
                MimeMessage mail = mails(rule, "FIRING").get(0);
                assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList())
                        .containsExactlyInAnyOrder("ops@swarm.test", "oncall@swarm.test");
                assertThat(mail.getFrom()[0].toString()).isEqualTo("swarm-manager@it.test");
                assertThat(((String) mail.getContent())).contains("node worker2 is down");
                assertThat(openAlerts(rule)).singleElement().satisfies(a -> {
                    assertThat(a.getString("object")).isEqualTo("worker2");
                    assertThat(a.getBoolean("notified")).isTrue();
                    assertThat(a.isNull("resolved_at")).isTrue();
                });

                Lab.sleep(5000); // five more evaluations see the node down: nothing more is sent
                assertThat(hooks(rule, "firing")).hasSize(1);
                assertThat(chats(rule, "FIRING")).hasSize(1);
                assertThat(mails(rule, "FIRING")).hasSize(2);
            } finally {
                Lab.lab("start", "worker2");
            }
            Lab.await(Duration.ofSeconds(60), () -> nodeStatus("worker2").equals("Ready"), () -> "worker2 to be ready again");
            Lab.await(Duration.ofSeconds(90), () -> hooks(rule, "resolved").size() == 1 && chats(rule, "RESOLVED").size() == 1
                    && mails(rule, "RESOLVED").size() == 2, () -> "the resolution by webhook, chat and mail; hooks " + HOOKS);
            assertThat(hooks(rule, "resolved").get(0).getString("resolved_at")).isNotBlank();
            assertThat(openAlerts(rule)).isEmpty();
            Lab.sleep(3000);
            assertThat(hooks(rule, "resolved")).as("resolved once").hasSize(1);

            List<String> history = ADMIN.call("GET", "/api/swarm/history?kind=alert&object=worker2&size=100", null).json()
                    .getJsonArray("data").getValuesAs(JsonObject.class).stream().map(e -> e.getString("summary"))
                    .filter(s -> s.contains(rule)).toList();
            assertThat(history).anyMatch(s -> s.startsWith("alert " + rule + " (critical) fired: node worker2 is down"))
                    .anyMatch(s -> s.startsWith("alert " + rule + " (critical) resolved"))
                    .anyMatch(s -> s.contains("sent to " + RUN + "-mail"));
        } finally {
            ADMIN.call("DELETE", "/api/swarm/alerts/rules/" + rule, null);
            if (!nodeStatus("worker2").equals("Ready")) {
                Lab.lab("start", "worker2");
            }
        }
    }

    @Test
    void aSilencedRulesAlertShowsButIsSentOnlyOnceTheSilenceEnds() {
        String service = Lab.uniqueName("alert");
        String rule = RUN + "-short";
        // Disabled until silenced: the alert must not be sent before the silence is on.
        rule(rule, "{\"condition\":\"service-short\",\"service\":\"" + service + "\",\"severity\":\"warning\",\"for_seconds\":0,\"enabled\":false}");
        Api.Answer silenced = Api.as(User.OPERATOR).call("PUT", "/api/swarm/alerts/rules/" + rule + "/silence", "{\"seconds\":3600}");
        assertThat(silenced.status()).as(silenced.body()).isEqualTo(200);
        assertThat(silenced.json().getJsonObject("data").getString("silenced_until")).isNotBlank();
        rule(rule, "{\"condition\":\"service-short\",\"service\":\"" + service + "\",\"severity\":\"warning\",\"for_seconds\":0}");
        try {
            // A replica no node can take: short of 1 until removed.
            docker("service", "create", "--detach", "--name", service, "--constraint", "node.labels.nowhere==true", "ocr-worker:1.0");
            Lab.await(Duration.ofSeconds(60), () -> openAlerts(rule).size() == 1, () -> "the alert to be open");
            assertThat(openAlerts(rule).get(0).getString("summary")).isEqualTo("service " + service + " runs 0 of 1 replicas");
            assertThat(openAlerts(rule).get(0).getBoolean("notified")).isFalse();
            Lab.sleep(3000);
            assertThat(hooks(rule, "firing")).as("nothing sent while silenced").isEmpty();
            assertThat(chats(rule, "FIRING")).isEmpty();

            Api.Answer lifted = Api.as(User.OPERATOR).call("DELETE", "/api/swarm/alerts/rules/" + rule + "/silence", null);
            assertThat(lifted.status()).as(lifted.body()).isEqualTo(200);
            Lab.await(Duration.ofSeconds(30), () -> hooks(rule, "firing").size() == 1 && chats(rule, "FIRING").size() == 1,
                    () -> "the alert sent once the silence ended");
            Lab.removeServiceQuietly(service);
            Lab.await(Duration.ofSeconds(60), () -> hooks(rule, "resolved").size() == 1, () -> "the resolution once the service is gone");
            assertThat(hooks(rule, "firing")).hasSize(1);
        } finally {
            Lab.removeServiceQuietly(service);
            ADMIN.call("DELETE", "/api/swarm/alerts/rules/" + rule, null);
        }
    }

    @Test
    void aChannelsTestSaysWhetherTheReceiverTookItAndOnlyAdminsSeeChannels() {
        Api.Answer taken = ADMIN.call("POST", "/api/swarm/alerts/channels/" + RUN + "-hook/test", null);
        assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        assertThat(HOOKS).anySatisfy(h -> {
            assertThat(h.getBoolean("test")).isTrue();
            assertThat(h.getString("summary")).contains("a test of the channel " + RUN + "-hook");
        });

        channel(RUN + "-gone", "{\"type\":\"webhook\",\"target\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/gone\"}");
        Api.Answer refused = ADMIN.call("POST", "/api/swarm/alerts/channels/" + RUN + "-gone/test", null);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.error()).isEqualTo(RUN + "-gone: 127.0.0.1 answered HTTP 410");

        Api.Answer mailed = ADMIN.call("POST", "/api/swarm/alerts/channels/" + RUN + "-mail/test", null);
        assertThat(mailed.status()).as(mailed.body()).isEqualTo(200);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        })).anyMatch(s -> s.startsWith("[TEST] [FIRING] info · test"));

        Api.Answer badPort = ADMIN.call("PUT", "/api/swarm/alerts/channels/" + RUN + "-port", "{\"type\":\"webhook\",\"target\":\"http://127.0.0.1:99999/x\"}");
        assertThat(badPort.status()).isEqualTo(400);
        assertThat(badPort.error()).isEqualTo("target has a port out of range (1 to 65535)");
        assertThat(ADMIN.call("GET", "/api/swarm/alerts/channels/" + RUN + "-port", null).status()).isEqualTo(404);

        assertThat(Api.as(User.OPERATOR).call("GET", "/api/swarm/alerts/channels", null).status()).isEqualTo(403);
        assertThat(Api.as(User.OPERATOR).call("PUT", "/api/swarm/alerts/rules/" + RUN + "-x", "{\"condition\":\"node-down\"}").status())
                .isEqualTo(403);
        assertThat(Api.as(User.VIEWER).call("GET", "/api/swarm/alerts/rules", null).status()).isEqualTo(200);
        JsonObject audit = ADMIN.call("GET", "/api/swarm/audit?action=alert-channels.set&target=" + RUN + "-gone", null).json();
        assertThat(audit.getInt("total")).isEqualTo(1);
        assertThat(audit.getJsonArray("data").getJsonObject(0).toString()).as("a webhook's URL is not in the audit log")
                .doesNotContain("/gone");
    }
}
