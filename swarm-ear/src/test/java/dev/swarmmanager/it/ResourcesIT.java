package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CPU and memory through the deployed API against the lab, the docker CLI as witness: reservations per node as the
 * specs add up, a headroom the scheduler then confirms, a live measurement of the connected Engine's containers,
 * node labels moving a task, and a node's tasks.
 */
class ResourcesIT {

    private final Api viewer = Api.as(User.VIEWER);
    private final Api operator = Api.as(User.OPERATOR);
    private final List<String> services = new ArrayList<>();

    @BeforeAll
    static void signIn() {
        IdentityProvider.start();
    }

    @AfterEach
    void removeThem() {
        services.forEach(Lab::removeServiceQuietly);
        for (String node : List.of("worker1", "worker2")) {
            try {
                docker("node", "update", "--label-rm", "pool", node);
            } catch (AssertionError notSet) {
                // the test did not label it
            }
        }
    }

    private String create(String prefix, String service) {
        return create(operator, prefix, service);
    }

    private String create(Api as, String prefix, String service) {
        String name = Lab.uniqueName(prefix);
        services.add(name);
        Api.Answer created = as.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":" + service + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }

    /** A worker's CPUs as its Engine reports them to Swarm. */
    private static BigDecimal cpusOf(String node) {
        return new BigDecimal(docker("node", "inspect", node, "--format", "{{.Description.Resources.NanoCPUs}}")).movePointLeft(9);
    }

    /** The CPU reservations of the tasks meant to run on the node, added up from docker node ps and each service's spec. */
    private static BigDecimal reservedOn(String node) {
        Map<String, BigDecimal> perService = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (String task : docker("node", "ps", node, "--filter", "desired-state=running", "--format", "{{.Name}}").lines().toList()) {
            String service = task.substring(0, task.lastIndexOf('.'));
            sum = sum.add(perService.computeIfAbsent(service, s -> {
                String nanos = docker("service", "inspect", s, "--format",
                        "{{if .Spec.TaskTemplate.Resources}}{{if .Spec.TaskTemplate.Resources.Reservations}}{{.Spec.TaskTemplate.Resources.Reservations.NanoCPUs}}{{end}}{{end}}");
                return nanos.isBlank() ? BigDecimal.ZERO : new BigDecimal(nanos).movePointLeft(9);
            }));
        }
        return sum;
    }

    private JsonObject nodeUsage(String hostname) {
        for (JsonValue node : viewer.call("GET", "/api/swarm/resources", null).json().getJsonObject("data").getJsonArray("nodes")) {
            if (node.asJsonObject().getString("hostname").equals(hostname)) {
                return node.asJsonObject();
            }
        }
        throw new AssertionError("no node " + hostname + " in /resources");
    }

    private static BigDecimal cpus(JsonObject amount) {
        return amount.getJsonNumber("cpus").bigDecimalValue().stripTrailingZeros();
    }

    @Test
    void reservationsAddUpPerNodeAndTheHeadroomIsWhatTheSchedulerFinds() {
        // Three fifths of a worker's CPUs each: one such task fits on an empty worker, never two.
        BigDecimal each = cpusOf("worker1").multiply(new BigDecimal("0.6"));
        String name = create("res-big", "{\"image\":\"ocr-worker:1.0\",\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":1,"
                + "\"placement\":{\"constraints\":[\"node.role == worker\"]},"
                + "\"resources\":{\"reservations\":{\"cpus\":\"" + each.toPlainString() + "\",\"memory\":\"32M\"},\"limits\":{\"memory\":\"64M\"}}}}");
        Lab.awaitRunning(name, 1);
        String node = docker("service", "ps", name, "--filter", "desired-state=running", "--format", "{{.Node}}");

        Lab.await(Duration.ofSeconds(30), () -> cpus(nodeUsage(node).getJsonObject("reserved")).compareTo(reservedOn(node)) == 0,
                () -> "the reservations on " + node + " to be " + reservedOn(node) + " as the CLI adds them up; now " + nodeUsage(node));
        assertThat(cpus(nodeUsage(node).getJsonObject("capacity"))).isEqualByComparingTo(cpusOf(node));
        JsonObject service = viewer.call("GET", "/api/swarm/services/" + name, null).json().getJsonObject("data");
        assertThat(cpus(service.getJsonObject("resources").getJsonObject("reservations"))).isEqualByComparingTo(each);
        assertThat(service.getJsonObject("resources").getJsonObject("limits").getJsonNumber("memory_bytes").longValue()).isEqualTo(64L << 20);

        Api.Answer answer = viewer.call("GET", "/api/swarm/resources/services/" + name + "/headroom?replicas=5", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject headroom = answer.json().getJsonObject("data");
        long additional = headroom.getJsonNumber("additional").longValue();
        assertThat(headroom.getBoolean("enough")).isEqualTo(additional >= 5);
        JsonObject manager = headroom.getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getString("hostname").equals("manager1")).findFirst().orElseThrow();
        assertThat(manager.getJsonNumber("fits").longValue()).isZero();
        assertThat(manager.getString("limited_by")).isEqualTo("constraint node.role == worker");

        // The scheduler agrees: as many more as the headroom says run, and one beyond stays pending for lack of resources.
        assertThat(operator.call("POST", "/api/swarm/services/" + name + "/scale", "{\"replicas\":" + (1 + additional) + "}").status()).isEqualTo(200);
        Lab.awaitRunning(name, (int) (1 + additional));
        assertThat(operator.call("POST", "/api/swarm/services/" + name + "/scale", "{\"replicas\":" + (2 + additional) + "}").status()).isEqualTo(200);
        Lab.await(Duration.ofSeconds(30), () -> docker("service", "ps", "--no-trunc", name, "--filter", "desired-state=running", "--format", "{{.Error}}")
                .contains("insufficient resources"), () -> "the extra task to be refused for resources: "
                + docker("service", "ps", name, "--format", "{{.Name}} {{.CurrentState}} {{.Error}}"));
        assertThat(Lab.runningTasks(name)).isEqualTo(1 + additional);
        Lab.await(Duration.ofSeconds(30), () -> viewer.call("GET", "/api/swarm/resources/services/" + name + "/headroom", null)
                .json().getJsonObject("data").getJsonNumber("additional").longValue() == 0, () -> "the headroom to be used up");
    }

    @Test
    void aMeasurementCoversTheConnectedEnginesContainersAndSaysWhenItIsPartial() {
        // Placement on the managers is for admins (the deployment policy).
        String here = create(Api.as(User.ADMIN), "res-here", "{\"image\":\"ocr-worker:1.0\",\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":1,"
                + "\"placement\":{\"constraints\":[\"node.role == manager\"]},\"resources\":{\"limits\":{\"memory\":\"48M\"}}}}");
        String elsewhere = create("res-away", "{\"image\":\"ocr-worker:1.0\",\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":2,"
                + "\"placement\":{\"constraints\":[\"node.role == worker\"]}}}");
        Lab.awaitRunning(here, 1);
        Lab.awaitRunning(elsewhere, 2);

        Lab.await(Duration.ofSeconds(30), () -> viewer.call("GET", "/api/swarm/resources/services/" + here + "/usage", null)
                .json().getJsonObject("data").getJsonArray("tasks").size() == 1, () -> "the mirror to see the running task");
        JsonObject measured = viewer.call("GET", "/api/swarm/resources/services/" + here + "/usage", null).json().getJsonObject("data");
        assertThat(measured.getString("measured_on")).isEqualTo("manager1");
        assertThat(measured.getBoolean("partial")).isFalse();
        JsonObject sample = measured.getJsonArray("tasks").getJsonObject(0);
        assertThat(sample.get("error")).isEqualTo(JsonValue.NULL);
        assertThat(sample.getJsonNumber("memory_bytes").longValue()).isPositive();
        assertThat(sample.getJsonNumber("memory_limit_bytes").longValue()).isEqualTo(48L << 20);
        assertThat(sample.getJsonNumber("cpu_percent").doubleValue()).isGreaterThanOrEqualTo(0);
        // The witness: docker stats on that Engine shows the task's container with the same limit.
        String container = docker("inspect", "--format", "{{.Status.ContainerStatus.ContainerID}}", sample.getString("task_id"));
        assertThat(docker("stats", "--no-stream", "--format", "{{.ID}} {{.MemUsage}}", container))
                .startsWith(container.substring(0, 12)).endsWith("/ 48MiB");

        JsonObject away = viewer.call("GET", "/api/swarm/resources/services/" + elsewhere + "/usage", null).json().getJsonObject("data");
        assertThat(away.getBoolean("partial")).isTrue();
        assertThat(away.getInt("not_measured")).isEqualTo(2);
        assertThat(away.getJsonArray("tasks")).isEmpty();

        assertThat(viewer.call("GET", "/api/swarm/resources/services/no-such-service-" + here + "/usage", null).status()).isEqualTo(404);
        assertThat(viewer.call("GET", "/api/swarm/resources/services/" + here + "/headroom?replicas=0", null).status()).isEqualTo(400);
        assertThat(viewer.call("GET", "/api/swarm/resources/services/" + here + "/headroom?replicas=many", null).error())
                .isEqualTo("replicas must be a whole number (got 'many')");
    }

    @Test
    void aLabelOnANodeDrawsATaskThatAConstraintHoldsAndMovingTheLabelMovesTheTask() {
        String name = create("res-pool", "{\"image\":\"ocr-worker:1.0\",\"stop_grace_period\":\"1s\",\"deploy\":{\"replicas\":1,"
                + "\"placement\":{\"constraints\":[\"node.labels.pool == ocr\"]}}}");
        Lab.await(Duration.ofSeconds(30), () -> docker("service", "ps", "--no-trunc", name, "--format", "{{.Error}}").contains("no suitable node"),
                () -> "the task to wait for a node with the label");
        JsonObject headroom = viewer.call("GET", "/api/swarm/resources/services/" + name + "/headroom", null).json().getJsonObject("data");
        assertThat(headroom.getJsonArray("nodes").getValuesAs(JsonObject.class)).extracting(n -> n.getString("limited_by"))
                .containsOnly("constraint node.labels.pool == ocr");

        assertThat(operator.call("PUT", "/api/swarm/nodes/worker2/labels", "{\"labels\":{\"pool\":\"ocr\"}}").status()).isEqualTo(200);
        Lab.awaitRunning(name, 1);
        assertThat(docker("service", "ps", name, "--filter", "desired-state=running", "--format", "{{.Node}}")).isEqualTo("worker2");
        // The API answers from the server's mirror, which sees the task by Docker's events a moment after the CLI does.
        Supplier<Optional<JsonObject>> runningOnWorker2 = () -> viewer.call("GET", "/api/swarm/nodes/worker2/tasks", null).json()
                .getJsonArray("data").getValuesAs(JsonObject.class).stream().filter(t -> t.getString("service_name").equals(name)
                        && t.getString("desired_state").equals("running")).findFirst();
        Lab.await(Duration.ofSeconds(30), () -> runningOnWorker2.get().isPresent(), () -> "the API to list the task on worker2");
        JsonObject onWorker2 = runningOnWorker2.get().orElseThrow();
        assertThat(onWorker2.getString("node_hostname")).isEqualTo("worker2");

        assertThat(operator.call("PUT", "/api/swarm/nodes/worker1/labels", "{\"labels\":{\"pool\":\"ocr\"}}").status()).isEqualTo(200);
        assertThat(operator.call("PUT", "/api/swarm/nodes/worker2/labels", "{\"labels\":{}}").status()).isEqualTo(200);
        Lab.await(Duration.ofSeconds(60), () -> docker("service", "ps", name, "--filter", "desired-state=running", "--format",
                "{{.Node}} {{.CurrentState}}").startsWith("worker1 Running"), () -> "the task to move to worker1: "
                + docker("service", "ps", name, "--format", "{{.Node}} {{.DesiredState}} {{.CurrentState}} {{.Error}}"));
    }
}
