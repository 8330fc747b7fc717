package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.lab.Lab;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** /metrics in the Prometheus text format: Prometheus' own parser accepts it, and its values match the docker CLI. */
class MetricsIT {

    private static String metrics() {
        return Metrics.text();
    }

    /** The default cluster's series: every state gauge and Engine-call counter carries its cluster. */
    private static double sum(String metrics, String name, String labelFilter) {
        return Metrics.sum(metrics, name, "cluster=\"default\"", labelFilter);
    }

    @Test
    void prometheusParsesTheMetrics() throws Exception {
        Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        promtool.getOutputStream().write(metrics().getBytes(StandardCharsets.UTF_8));
        promtool.getOutputStream().close();
        String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // 0: clean; 3: parsed, with lint remarks (Payara's JVM metrics are camelCase); 1 would be a parse error.
        assertThat(promtool.exitValue()).as(output).isIn(0, 3);
        List<String> ours = output.lines().filter(l -> l.startsWith("swarm_")).toList();
        assertThat(ours).as("lint remarks about our metrics, but for the _mean gauge Payara derives without help")
                .allMatch(l -> l.equals("swarm_docker_call_latency_mean no help text"));
    }

    /**
     * The tasks Swarm says are running, as the docker CLI lists them node by node: every task's own current state,
     * whatever is wanted of it, each task once. Swarm's word, not the containers': after a node was killed (the
     * fault and alert tests do) Swarm may count a task as running for a while that no Engine still runs.
     */
    private static long runningTasks() {
        List<String> nodes = docker("node", "ls", "-q").lines().toList();
        List<String> args = new java.util.ArrayList<>(List.of("node", "ps", "--format", "{{.ID}} {{.CurrentState}}"));
        args.addAll(nodes);
        return docker(args.toArray(String[]::new)).lines().filter(l -> l.contains(" Running ")).map(l -> l.substring(0, l.indexOf(' ')))
                .distinct().count();
    }

    @Test
    void valuesMatchTheDockerCli() {
        String service = Lab.uniqueName("metrics");
        Lab.createWorkerService(service, 2);
        try {
            Lab.await(Duration.ofSeconds(15), () -> sum(metrics(), "swarm_service_replicas_running", "service=\"" + service + "\"") == 2,
                    () -> "the metrics to show " + service + " running 2 replicas");
            String metrics = metrics();
            assertThat(sum(metrics, "swarm_service_replicas_desired", "service=\"" + service + "\"")).isEqualTo(2);
            assertThat(sum(metrics, "swarm_nodes", "")).isEqualTo(docker("node", "ls", "-q").lines().count());
            assertThat(sum(metrics, "swarm_nodes", "role=\"manager\"")).isEqualTo(1);
            assertThat(sum(metrics, "swarm_nodes", "state=\"ready\"")).isEqualTo(3);
            // a task of another test's removed service may still be stopping: both sides settle within seconds
            Lab.await(Duration.ofSeconds(45), () -> sum(metrics(), "swarm_tasks", "state=\"running\"") == runningTasks(),
                    () -> "swarm_tasks{state=running} (" + sum(metrics(), "swarm_tasks", "state=\"running\"") + ") to match the tasks the"
                            + " docker CLI lists as running (" + runningTasks() + "): " + docker("node", "ps", "--format",
                                    "{{.ID}} {{.Name}} {{.DesiredState}} {{.CurrentState}}", "manager1", "worker1", "worker2").replace('\n', ';'));
            assertThat(sum(metrics, "swarm_snapshot_age_seconds", "")).isBetween(0.0, 10.0);
            assertThat(sum(metrics, "swarm_docker_calls_total", "endpoint=\"GET /tasks\"")).isPositive();
            assertThat(metrics).contains("mp_scope=\"base\"");
        } finally {
            Lab.removeServiceQuietly(service);
        }
        Lab.await(Duration.ofSeconds(15), () -> !metrics().contains("service=\"" + service + "\""),
                () -> "the removed service's gauges to go");
    }
}
