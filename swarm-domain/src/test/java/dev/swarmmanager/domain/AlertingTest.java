package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingTest {

    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    private static SwarmNode node(String name, NodeState state) {
        return new SwarmNode(name + "-id", name, NodeRole.WORKER, NodeAvailability.ACTIVE, state, null, null, "10.1.2.3", null,
                "linux", "x86_64", 2, 1L << 32, Map.of(), Map.of(), T0, T0, 1);
    }

    private static SwarmService service(String name, long desired, long running) {
        return new SwarmService(name + "-id", name, "ocr-worker:1.0", ServiceMode.REPLICATED, desired, running, null, null, null,
                null, T0, T0, 1, null, null, null);
    }

    private static SwarmTask failed(String service, Instant at, String error) {
        return new SwarmTask(service + at.getEpochSecond(), service + ".1", service + "-id", service, 1, "w1-id", "w1",
                TaskState.SHUTDOWN, TaskState.FAILED, "failed", error, "ocr-worker:1.0", null, 1, at, at, null);
    }

    private static ClusterState cluster(List<SwarmNode> nodes, List<SwarmService> services, List<SwarmTask> tasks) {
        return new ClusterState(null, nodes, services, tasks);
    }

    private static AlertRule rule(String name, AlertCondition condition, Duration forDuration) {
        return new AlertRule(name, condition, Severity.CRITICAL, null, forDuration, 0, null, true, null, null, null);
    }

    private static Alerting.Signals at(long seconds, ClusterState state) {
        return new Alerting.Signals(T0.plusSeconds(seconds), state, null, Map.of());
    }

    @Test
    void aNodeDownFiresOnceAfterItsForDurationAndResolvesOnceWhenBack() {
        Alerting alerting = new Alerting(List.of());
        List<AlertRule> rules = List.of(rule("node-down", AlertCondition.NODE_DOWN, Duration.ofSeconds(30)));
        ClusterState down = cluster(List.of(node("w1", NodeState.READY), node("w2", NodeState.DOWN)), List.of(), List.of());
        ClusterState up = cluster(List.of(node("w1", NodeState.READY), node("w2", NodeState.READY)), List.of(), List.of());

        assertThat(alerting.evaluate(rules, at(0, down)).isEmpty()).as("not before 30 s").isTrue();
        assertThat(alerting.evaluate(rules, at(29, down)).isEmpty()).isTrue();
        Alerting.Transitions fired = alerting.evaluate(rules, at(30, down));
        assertThat(fired.fired()).singleElement().satisfies(a -> {
            assertThat(a.object()).isEqualTo("w2");
            assertThat(a.kind()).isEqualTo(HistoryKind.NODE);
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.summary()).isEqualTo("node w2 is down");
            assertThat(a.firedAt()).isEqualTo(T0.plusSeconds(30));
        });
        assertThat(alerting.evaluate(rules, at(40, down)).isEmpty()).as("fired once, not on every evaluation").isTrue();
        Alerting.Transitions back = alerting.evaluate(rules, at(50, up));
        assertThat(back.resolved()).singleElement().satisfies(a -> assertThat(a.resolvedAt()).isEqualTo(T0.plusSeconds(50)));
        assertThat(alerting.evaluate(rules, at(60, up)).isEmpty()).isTrue();
        assertThat(alerting.firing()).isEmpty();
    }

    @Test
    void aBlipShorterThanTheForDurationRaisesNothingAndStartsAgain() {
        Alerting alerting = new Alerting(List.of());
        List<AlertRule> rules = List.of(rule("short", AlertCondition.SERVICE_SHORT, Duration.ofSeconds(20)));
        ClusterState shortOne = cluster(List.of(), List.of(service("ocr", 3, 2)), List.of());
        ClusterState whole = cluster(List.of(), List.of(service("ocr", 3, 3)), List.of());
        alerting.evaluate(rules, at(0, shortOne));
        alerting.evaluate(rules, at(15, whole));
        assertThat(alerting.evaluate(rules, at(25, shortOne)).isEmpty()).as("the count starts again at 25 s").isTrue();
        assertThat(alerting.evaluate(rules, at(44, shortOne)).isEmpty()).isTrue();
        assertThat(alerting.evaluate(rules, at(45, shortOne)).fired()).singleElement()
                .satisfies(a -> assertThat(a.summary()).isEqualTo("service ocr runs 2 of 3 replicas"));
    }

    @Test
    void whileDockerCannotBeReadOnlyThatFiresAndTheOtherAlertsStayAsTheyAre() {
        Alerting alerting = new Alerting(List.of());
        List<AlertRule> rules = List.of(rule("node-down", AlertCondition.NODE_DOWN, Duration.ZERO),
                rule("docker", AlertCondition.DOCKER_UNREACHABLE, Duration.ofSeconds(10)));
        ClusterState down = cluster(List.of(node("w2", NodeState.DOWN)), List.of(), List.of());
        assertThat(alerting.evaluate(rules, at(0, down)).fired()).extracting(Alert::rule).containsExactly("node-down");
        Alerting.Signals unread = new Alerting.Signals(T0.plusSeconds(5), null, "connection refused", Map.of());
        assertThat(alerting.evaluate(rules, unread).isEmpty()).as("node-down is not resolved for want of a read").isTrue();
        Alerting.Transitions later = alerting.evaluate(rules, new Alerting.Signals(T0.plusSeconds(15), null, "connection refused", Map.of()));
        assertThat(later.fired()).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("docker");
            assertThat(a.summary()).isEqualTo("Docker cannot be read: connection refused");
        });
        assertThat(later.resolved()).isEmpty();
        Alerting.Transitions readAgain = alerting.evaluate(rules, at(20, down));
        assertThat(readAgain.resolved()).extracting(Alert::rule).containsExactly("docker");
        assertThat(alerting.firing()).extracting(Alert::rule).containsExactly("node-down");
    }

    @Test
    void taskFailuresCountWithinTheWindowPerService() {
        AlertRule failures = new AlertRule("crashes", AlertCondition.TASK_FAILURES, Severity.WARNING, null, Duration.ZERO, 3,
                Duration.ofMinutes(10), true, null, null, null);
        List<SwarmTask> tasks = new ArrayList<>(List.of(failed("ocr", T0.minusSeconds(900), "old"),
                failed("ocr", T0.minusSeconds(300), "exit (3)"), failed("ocr", T0.minusSeconds(200), "exit (3)"),
                failed("web", T0.minusSeconds(100), "exit (1)"), failed("web", T0.minusSeconds(90), "exit (1)"),
                failed("web", T0.minusSeconds(80), "exit (1)")));
        Alerting alerting = new Alerting(List.of());
        Alerting.Transitions first = alerting.evaluate(List.of(failures), at(0, cluster(List.of(), List.of(), tasks)));
        assertThat(first.fired()).as("ocr's third failure is older than the window").singleElement().satisfies(a -> {
            assertThat(a.object()).isEqualTo("web");
            assertThat(a.summary()).isEqualTo("3 tasks of web failed in the last 10 min; the last: exit (1)");
        });
        tasks.add(failed("ocr", T0.minusSeconds(10), "exit (3)"));
        assertThat(alerting.evaluate(List.of(failures), at(1, cluster(List.of(), List.of(), tasks))).fired())
                .extracting(Alert::object).containsExactly("ocr");
        // Ten minutes on, web's failures have left the window.
        assertThat(alerting.evaluate(List.of(failures), at(600, cluster(List.of(), List.of(), tasks))).resolved())
                .extracting(Alert::object).containsExactlyInAnyOrder("web", "ocr");
    }

    @Test
    void anAutoscalerAtItsMaximumIsAServiceHeldAtThePolicysMaximum() {
        Alerting alerting = new Alerting(List.of());
        List<AlertRule> rules = List.of(rule("at-max", AlertCondition.AUTOSCALER_AT_MAX, Duration.ZERO));
        ClusterState state = cluster(List.of(), List.of(service("ocr", 10, 10), service("web", 4, 4), service("db", 1, 1)), List.of());
        Alerting.Transitions t = alerting.evaluate(rules, new Alerting.Signals(T0, state, null, Map.of("ocr", 10L, "web", 8L)));
        assertThat(t.fired()).singleElement().satisfies(a ->
                assertThat(a.summary()).isEqualTo("the autoscaler holds ocr at its maximum of 10 replicas"));
    }

    @Test
    void aRuleNarrowedToOneServiceWatchesThatOneOnly() {
        AlertRule ocrOnly = new AlertRule("ocr-short", AlertCondition.SERVICE_SHORT, Severity.WARNING, "ocr", Duration.ZERO, 0, null,
                true, null, null, null);
        ClusterState state = cluster(List.of(), List.of(service("ocr", 3, 1), service("web", 3, 1), service("idle", 0, 0)), List.of());
        assertThat(new Alerting(List.of()).evaluate(List.of(ocrOnly), at(0, state)).fired()).extracting(Alert::object).containsExactly("ocr");
    }

    @Test
    void theAlertsOfARuleRemovedOrDisabledResolveAndOpenOnesFromBeforeAreNotFiredAgain() {
        Alert open = new Alert(7, "node-down", AlertCondition.NODE_DOWN, Severity.CRITICAL, HistoryKind.NODE, "w2", "node w2 is down",
                T0.minusSeconds(60), null, true);
        ClusterState down = cluster(List.of(node("w2", NodeState.DOWN)), List.of(), List.of());
        Alerting alerting = new Alerting(List.of(open));
        assertThat(alerting.evaluate(List.of(rule("node-down", AlertCondition.NODE_DOWN, Duration.ZERO)), at(0, down)).isEmpty())
                .as("taken over, not fired a second time").isTrue();
        Alerting.Transitions gone = alerting.evaluate(List.of(), at(10, down));
        assertThat(gone.resolved()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(7);
            assertThat(a.notified()).isTrue();
            assertThat(a.summary()).endsWith("(its rule was removed or disabled)");
        });
    }

    @Test
    void aDisabledRulesAlertsResolveAndAConditionPendingKeepsItsStartWhileDockerIsUnread() {
        ClusterState down = cluster(List.of(node("w2", NodeState.DOWN)), List.of(), List.of());
        AlertRule nodeDown = rule("node-down", AlertCondition.NODE_DOWN, Duration.ofSeconds(30));
        Alerting alerting = new Alerting(List.of());
        alerting.evaluate(List.of(nodeDown), at(0, down));
        alerting.evaluate(List.of(nodeDown), new Alerting.Signals(T0.plusSeconds(10), null, "refused", Map.of()));
        assertThat(alerting.evaluate(List.of(nodeDown), at(30, down)).fired()).as("held since 0 s, Docker's silence between")
                .extracting(Alert::object).containsExactly("w2");
        AlertRule disabled = new AlertRule("node-down", AlertCondition.NODE_DOWN, Severity.CRITICAL, null, Duration.ofSeconds(30), 0, null,
                false, null, null, null);
        assertThat(alerting.evaluate(List.of(disabled), at(40, down)).resolved()).singleElement()
                .satisfies(a -> assertThat(a.summary()).isEqualTo("node w2 is down (its rule was removed or disabled)"));
    }

    @Test
    void aChannelNeverShowsItsWebhooksPathAndRulesAreReadAfterTheRoleCheck() {
        AlertChannel chat = new AlertChannelDraft("chat", "https://chat.example.com/hooks/s3cr3t-token", "warning", null).toChannel("ops");
        assertThat(chat.toString()).contains("chat.example.com").doesNotContain("s3cr3t");
        assertThat(new AlertChannelDraft("chat", "https://chat.example.com/hooks/s3cr3t-token", null, null).toString()).doesNotContain("s3cr3t");
        assertThat(chat.enabled()).isTrue();
        assertThatThrownBy(() -> new AlertChannelDraft("webhook", "http://127.0.0.1:99999/hook", null, null).toChannel("x"))
                .hasMessage("target has a port out of range (1 to 65535)");
        assertThatThrownBy(() -> new AlertRuleDraft(null, null, null, null, null, null, null).toRule("x"))
                .hasMessageStartingWith("condition is required");
        assertThat(new AlertRuleDraft("task-failures", "critical", "ocr", 0L, 2, 60L, false).toRule("crashes")).satisfies(r -> {
            assertThat(r.threshold()).isEqualTo(2);
            assertThat(r.window()).isEqualTo(Duration.ofMinutes(1));
            assertThat(r.enabled()).isFalse();
            assertThat(r.service()).isEqualTo("ocr");
        });
    }

    @Test
    void rulesAndChannelsRefuseWhatCannotWork() {
        assertThatThrownBy(() -> new AlertRule("Bad Name", AlertCondition.NODE_DOWN, null, null, null, 0, null, true, null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageStartingWith("name ");
        assertThatThrownBy(() -> new AlertRule("n", AlertCondition.NODE_DOWN, null, "ocr", null, 0, null, true, null, null, null))
                .hasMessage("service is for rules about services only, not node-down");
        assertThatThrownBy(() -> new AlertRule("n", AlertCondition.SERVICE_SHORT, null, null, null, 5, null, true, null, null, null))
                .hasMessage("threshold is for task-failures rules only");
        assertThatThrownBy(() -> new AlertRule("n", AlertCondition.TASK_FAILURES, null, null, Duration.ofDays(2), 0, null, true, null, null, null))
                .hasMessageStartingWith("for_seconds ");
        assertThat(new AlertRule("n", AlertCondition.TASK_FAILURES, null, null, null, 0, null, true, null, null, null))
                .satisfies(r -> {
                    assertThat(r.threshold()).isEqualTo(3);
                    assertThat(r.window()).isEqualTo(Duration.ofMinutes(10));
                    assertThat(r.severity()).isEqualTo(Severity.WARNING);
                });
        assertThatThrownBy(() -> new AlertChannel("hook", ChannelType.WEBHOOK, "file:///etc/passwd", null, true, null, null))
                .hasMessage("target must be an http or https URL with a host");
        assertThatThrownBy(() -> new AlertChannel("mail", ChannelType.EMAIL, "ops@example.com, not-an-address", null, true, null, null))
                .hasMessage("target must be one to ten e-mail addresses separated by commas");
        assertThat(new AlertChannel("mail", ChannelType.EMAIL, " ops@example.com,dev@example.com ", Severity.WARNING, true, null, null))
                .satisfies(c -> {
                    assertThat(c.addresses()).containsExactly("ops@example.com", "dev@example.com");
                    assertThat(c.takes(Severity.INFO)).isFalse();
                    assertThat(c.takes(Severity.CRITICAL)).isTrue();
                });
    }
}
