package dev.swarmmanager.resources.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.domain.LimitReachedException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.ServiceMeasurement;
import dev.swarmmanager.domain.SwarmException;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.domain.TaskState;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What a service's running tasks use, as the Engine we are connected to measures its own containers
 * ({@code docker stats --no-stream}): for a user who asks, and for the autoscaler's CPU and memory policies.
 */
@ApplicationScoped
public class TaskSampler {

    /**
     * Containers measured at once: each holds one of the Engine connections (shared with the mirror and the log
     * follows) for about a second, so few, and one measurement at a time in the whole server.
     */
    static final int MAX_MEASURED = 10;
    private static final long MEASUREMENT_DEADLINE_SECONDS = 10;

    @Inject
    EngineApi engine;

    @Inject
    DockerClient docker;

    @Inject
    DockerCalls calls;

    /** Measures containers side by side, so a measurement takes one sampling interval rather than one per task. */
    @Resource
    ManagedExecutorService executor;

    @Inject
    MeasurementSlot slot;

    /** Tasks elsewhere are counted as not measured, and the measurement says it is partial. */
    public ServiceMeasurement measure(ClusterState state, SwarmService service) {
        String localNode = calls.call(() -> docker.infoCmd().exec().getSwarm().getNodeID());
        String hostname = state.nodes().stream().filter(n -> n.id().equals(localNode)).map(SwarmNode::hostname)
                .findFirst().orElse(localNode);
        List<SwarmTask> running = state.tasksOf(service.id()).stream()
                .filter(t -> t.desiredState() == TaskState.RUNNING && t.state() == TaskState.RUNNING).toList();
        List<SwarmTask> here = running.stream()
                .filter(t -> localNode != null && localNode.equals(t.nodeId()) && t.containerId() != null)
                .limit(MAX_MEASURED).toList();
        List<ServiceMeasurement.TaskSample> measured = slot.run(() -> sampleAll(here));
        int notMeasured = running.size() - here.size();
        return new ServiceMeasurement(service.name(), hostname, Instant.now(), measured, notMeasured, notMeasured > 0);
    }

    /** Every task's reading, side by side, within one deadline: a task the Engine did not answer for says so. */
    private List<ServiceMeasurement.TaskSample> sampleAll(List<SwarmTask> tasks) {
        List<Callable<ServiceMeasurement.TaskSample>> jobs = tasks.stream()
                .map(t -> EngineTarget.carry((Callable<ServiceMeasurement.TaskSample>) () -> sample(t))).toList();
        List<Future<ServiceMeasurement.TaskSample>> done;
        try {
            done = executor.invokeAll(jobs, MEASUREMENT_DEADLINE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LimitReachedException("resources.interrupted");
        }
        List<ServiceMeasurement.TaskSample> samples = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            samples.add(outcome(done.get(i), tasks.get(i)));
        }
        return samples;
    }

    private static ServiceMeasurement.TaskSample outcome(Future<ServiceMeasurement.TaskSample> sample, SwarmTask task) {
        if (sample.isCancelled()) {
            return failed(task, Phrase.of("resources.no-answer", MEASUREMENT_DEADLINE_SECONDS));
        }
        try {
            return sample.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(task, Phrase.of("resources.sample-interrupted"));
        } catch (ExecutionException e) {
            // Our own exceptions say what went wrong in words a user can act on; anything else is not shown raw.
            return failed(task, e.getCause() instanceof SwarmException known ? known.phrase() : Phrase.of("resources.unreadable"));
        }
    }

    private static ServiceMeasurement.TaskSample failed(SwarmTask task, Phrase error) {
        return new ServiceMeasurement.TaskSample(task.id(), task.name(), null, null, null, error);
    }

    /** One {@code docker stats --no-stream} reading: the Engine samples twice, a second apart, for the CPU share. */
    ServiceMeasurement.TaskSample sample(SwarmTask task) {
        JsonNode stats = engine.get("/containers/" + EngineApi.segment(task.containerId()) + "/stats?stream=false",
                "container", task.containerId());
        return new ServiceMeasurement.TaskSample(task.id(), task.name(), ContainerStats.cpuPercent(stats),
                ContainerStats.memoryInUse(stats), ContainerStats.memoryLimit(stats), null);
    }

}
