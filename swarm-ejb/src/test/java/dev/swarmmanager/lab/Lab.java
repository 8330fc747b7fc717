package dev.swarmmanager.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The local Swarm lab ({@code docker/lab/lab}) as the integration tests see it: the Docker host to point the
 * beans at, the docker CLI as an independent witness, and the lab's node controls for failure tests.
 */
public final class Lab {

    public static final String DOCKER_HOST = System.getProperty("swarm.docker.host", "unix:///run/swarm-lab/manager1/docker.sock");
    private static final String LAB = System.getProperty("swarm.lab", "../docker/lab/lab");

    private Lab() {
    }

    /** Runs the docker CLI against the lab's manager and returns its trimmed stdout; fails on a non-zero exit. */
    public static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", DOCKER_HOST));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs the docker CLI against another lab node (worker1, ...). */
    public static String dockerOn(String node, String... args) {
        List<String> command = new ArrayList<>(List.of("docker", "-H", "unix:///run/swarm-lab/" + node + "/docker.sock"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs a lab command: {@code stop worker2}, {@code kill worker2}, {@code start manager1}. */
    public static String lab(String... args) {
        List<String> command = new ArrayList<>(List.of(LAB));
        command.addAll(List.of(args));
        return run(command);
    }

    /** A name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a replicated ocr-worker service with the CLI and waits until all its replicas run. */
    public static String createWorkerService(String name, int replicas) {
        String id = docker("service", "create", "--detach", "--name", name, "--replicas", String.valueOf(replicas),
                "--stop-grace-period", "2s", "--label", "it=true", "ocr-worker:1.0");
        awaitRunning(name, replicas);
        return id;
    }

    public static void awaitRunning(String service, int replicas) {
        await(Duration.ofSeconds(60), () -> runningTasks(service) == replicas,
                () -> "service " + service + " to run " + replicas + " tasks; ps: "
                        + docker("service", "ps", service, "--format", "{{.Name}} {{.CurrentState}} {{.Error}}"));
    }

    /** After a manager restart the workers reconnect with a back-off: give them time, and say who is missing. */
    /**
     * Every node Ready again after a manager's outage. A worker restarted shortly before may not come back on its own
     * (its agent backs off after the manager it knew vanished: seen once in CI, two minutes and still Down); after 45 s
     * such a node's Engine is restarted, as an operator would.
     */
    public static void awaitAllNodesReady() {
        long restartAt = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        java.util.concurrent.atomic.AtomicBoolean restarted = new java.util.concurrent.atomic.AtomicBoolean();
        await(Duration.ofSeconds(120), () -> {
            try {
                List<String> down = docker("node", "ls", "--format", "{{.Hostname}} {{.Status}}").lines()
                        .filter(l -> !l.endsWith(" Ready")).map(l -> l.substring(0, l.indexOf(' '))).toList();
                if (!down.isEmpty() && System.nanoTime() > restartAt && !restarted.getAndSet(true)) {
                    for (String node : down) {
                        lab("stop", node);
                        lab("start", node);
                    }
                }
                return down.isEmpty();
            } catch (AssertionError managerNotBackYet) {
                return false;
            }
        }, () -> "every node to be ready again; now: " + docker("node", "ls", "--format", "{{.Hostname}} {{.Status}}"));
    }

    public static int runningTasks(String service) {
        String out = docker("service", "ps", service, "--filter", "desired-state=running", "--format", "{{.CurrentState}}");
        return (int) out.lines().filter(l -> l.startsWith("Running")).count();
    }

    /**
     * {@code docker stack rm}, again while it fails: the CLI removes the services and then at once the networks, which a
     * task still shutting down holds for a moment ("network ... is in use by task"). Done when the stack is gone.
     */
    public static void removeStack(String stack) {
        await(Duration.ofSeconds(60), () -> {
            try {
                docker("stack", "rm", stack);
            } catch (AssertionError stillInUseOrGone) {
                // retried below until nothing of the stack is left
            }
            return docker("service", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack).isEmpty()
                    && docker("network", "ls", "-q", "--filter", "label=com.docker.stack.namespace=" + stack).isEmpty();
        }, () -> "stack " + stack + " to be removed");
    }

    public static void removeServiceQuietly(String name) {
        try {
            docker("service", "rm", name);
        } catch (AssertionError ignored) {
            // already gone
        }
    }

    public static void await(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what.get());
            }
            sleep(200);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " exited " + process.exitValue() + ": "
                        + new String(err, StandardCharsets.UTF_8).trim());
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
