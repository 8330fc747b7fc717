package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On a lab with three managers, the Docker Engine the server talks to crashes and comes back while clients read and
 * scale without pause: answers turn to 503 with the reason (never a 500) and come back by themselves, no write that
 * was answered 200 is lost, the cluster itself goes on (the other two managers keep the quorum) and the mirror
 * catches up with what changed while it could not see.
 */
class FaultsIT {

    private static final String[] EXTRA_MANAGERS = {"manager2", "manager3"};

    private String service;
    private String witness;

    @BeforeEach
    void threeManagersAndTwoServices() {
        Lab.lab("up", "--managers", "3", "--workers", "2");
        service = Lab.uniqueName("faults");
        witness = Lab.uniqueName("faults-witness");
        Lab.createWorkerService(service, 1);
        Lab.createWorkerService(witness, 1);
    }

    @AfterEach
    void removeServicesAndRetireTheExtraManagers() {
        Lab.lab("start", "manager1");
        Lab.removeServiceQuietly(service);
        Lab.removeServiceQuietly(witness);
        // The lab the other tests expect: one manager, two workers.
        Lab.await(Duration.ofSeconds(60), () -> {
            try {
                return docker("node", "ls", "--filter", "role=manager", "--format", "{{.Status}}").lines().allMatch("Ready"::equals);
            } catch (AssertionError managerNotBackYet) {
                return false;
            }
        }, () -> "every manager to be ready before the extra ones leave");
        for (String manager : EXTRA_MANAGERS) {
            Lab.await(Duration.ofSeconds(30), () -> {
                try {
                    docker("node", "demote", manager);
                    return true;
                } catch (AssertionError refused) {
                    // Swarm's optimistic concurrency: an update of the node (its status, just after the restart) came
                    // first, and the Engine asks to try again (seen once in CI, leaving the lab with three managers).
                    if (!String.valueOf(refused.getMessage()).contains("update out of sequence")) {
                        throw refused;
                    }
                    return false;
                }
            }, () -> manager + " to be demoted");
            // A demotion takes effect when the node has left the Raft group, a moment after the command returns.
            Lab.await(Duration.ofSeconds(60), () -> docker("node", "inspect", manager, "--format",
                    "{{if .ManagerStatus}}manager{{end}}").isEmpty(), () -> manager + " to be a worker");
            // Drained first, as Docker's guide retires a node: a task still running there when the node leaves keeps
            // "Running" in Swarm's task list for good (no agent is left to say it stopped), where no CLI command shows
            // it, and MetricsIT's running-task count then differs from the CLI's by that task (seen in CI).
            docker("node", "update", "--availability", "drain", manager);
            Lab.await(Duration.ofSeconds(60), () -> docker("node", "ps", manager, "--format", "{{.CurrentState}}").lines()
                    .noneMatch(state -> state.startsWith("Running")), () -> manager + " to run no task before it leaves");
            Lab.dockerOn(manager, "swarm", "leave");
            Lab.lab("kill", manager);
        }
        Lab.await(Duration.ofSeconds(30), () -> {
            for (String manager : EXTRA_MANAGERS) {
                try {
                    docker("node", "rm", "--force", manager);
                } catch (AssertionError notYetDown) {
                    return false;
                }
            }
            return true;
        }, () -> "the extra managers to be removed from the node list");
        // Workers reconnect to a restarted manager with a growing back-off, one of them now and then only after
        // minutes: the lab is set right for the tests that follow (the server's own recovery is what this test checks).
        try {
            Lab.await(Duration.ofSeconds(30), () -> docker("node", "ls", "--format", "{{.Status}}").lines().allMatch("Ready"::equals),
                    () -> "the workers to reconnect");
        } catch (AssertionError slow) {
            for (String worker : new String[] {"worker1", "worker2"}) {
                if (!docker("node", "inspect", worker, "--format", "{{.Status.State}}").equals("ready")) {
                    Lab.lab("stop", worker);
                    Lab.lab("start", worker);
                }
            }
        }
        Lab.awaitAllNodesReady();
    }

    record Call(String what, int status, String error, long replicas) {
    }

    @Test
    void anEngineCrashUnderLoadGives503sThenEverythingComesBackAndNoAcceptedWriteIsLost() throws Exception {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            long replicas = 1;
            while (running.get()) {
                replicas = replicas % 3 + 1;
                Api.Answer scale = Api.post("/api/swarm/services/" + service + "/scale", "{\"replicas\":" + replicas + "}");
                calls.add(new Call("scale", scale.status(), error(scale), replicas));
                Api.Answer list = Api.get("/api/swarm/services");
                calls.add(new Call("list", list.status(), error(list), 0));
                Api.Answer health = Api.get("/api/swarm/health");
                calls.add(new Call("health", health.status(), error(health), 0));
            }
        }, "faults-load");
        load.start();
        try {
            Lab.await(Duration.ofSeconds(30), () -> count(calls, 200) >= 10, () -> "some answers before the crash");
            Lab.lab("stop", "manager1");
            Lab.await(Duration.ofSeconds(30), () -> count(calls, 503) >= 3, () -> "503s while Docker is down; saw " + calls.size());
            // The cluster goes on without the server's manager: a change made meanwhile through another manager (once
            // the remaining two have elected a leader) is one the mirror has to catch up with.
            Lab.await(Duration.ofSeconds(60), () -> {
                try {
                    Lab.dockerOn("manager2", "service", "scale", "--detach", witness + "=3");
                    return true;
                } catch (AssertionError electing) {
                    return false;
                }
            }, () -> "the two other managers to accept a change");
            Lab.lab("start", "manager1");
            Lab.await(Duration.ofSeconds(60), () -> {
                try {
                    return docker("node", "inspect", "manager1", "--format", "{{.Status.State}}").equals("ready");
                } catch (AssertionError notYet) {
                    return false;
                }
            }, () -> "the manager to be back");
            int before = calls.size();
            Lab.await(Duration.ofSeconds(60), () -> {
                synchronized (calls) { // the load thread goes on adding: a view of the list is read under its lock
                    return calls.subList(before, calls.size()).stream()
                            .filter(c -> c.status() == 200 && c.what().equals("scale")).count() >= 5;
                }
            }, () -> "scales answered 200 again after the restart");
        } finally {
            running.set(false);
            load.join(120_000);
        }

        assertThat(calls).as("every answer: 200, or 503 while Docker was down").allSatisfy(c -> assertThat(c.status()).isIn(200, 503));
        assertThat(calls).filteredOn(c -> c.status() == 503).allSatisfy(c -> assertThat(c.error()).contains("Docker is unavailable"));
        List<Call> scales = calls.stream().filter(c -> c.what().equals("scale")).toList();
        int lastAccepted = scales.stream().map(Call::status).toList().lastIndexOf(200);
        // The last scale answered 200 holds, unless a later one landed although its answer was a 503 (Docker went
        // away between the write and the read-back): either way nothing that was accepted has been undone.
        List<Long> possible = scales.subList(lastAccepted, scales.size()).stream().map(Call::replicas).toList();
        long actual = Long.parseLong(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}"));
        assertThat(possible).as("the cluster's replicas after the last accepted scale").contains(actual);
        Lab.await(Duration.ofSeconds(30), () -> {
            JsonObject listed = Api.get("/api/swarm/services?name=" + service).json().getJsonArray("data").getJsonObject(0);
            JsonObject changedMeanwhile = Api.get("/api/swarm/services?name=" + witness).json().getJsonArray("data").getJsonObject(0);
            return listed.getInt("desired_replicas") == actual && changedMeanwhile.getInt("desired_replicas") == 3
                    && !Api.get("/api/swarm/health").json().getJsonObject("data").getBoolean("stale");
        }, () -> "the mirror to agree with the cluster again");
        assertThat(Api.anonymous().call("GET", "/health/ready", null).status()).isEqualTo(200);
    }

    private static long count(List<Call> calls, int status) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.status() == status).count();
        }
    }

    private static String error(Api.Answer answer) {
        return answer.status() == 200 ? null : answer.body();
    }
}
