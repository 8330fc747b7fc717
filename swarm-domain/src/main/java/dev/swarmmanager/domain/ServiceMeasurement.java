package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * CPU and memory in use by a service's running tasks, as the Engine we are connected to measures its own containers
 * ({@code docker stats}). Tasks on other nodes cannot be measured from here without an agent: they are counted, and
 * the measurement says it is partial.
 *
 * @param measuredOn  the node whose containers were measured
 * @param notMeasured running tasks that were not measured (on other nodes, or beyond the cap of one measurement)
 * @param partial     whether {@code notMeasured} is above zero
 */
public record ServiceMeasurement(String service, String measuredOn, Instant measuredAt, List<TaskSample> tasks,
                                 int notMeasured, boolean partial) implements Serializable {

    public ServiceMeasurement {
        tasks = List.copyOf(tasks);
    }

    /**
     * @param cpuPercent  of one CPU, as {@code docker stats} shows it (200 is two CPUs busy); {@code null} if unknown
     * @param memoryBytes in use, page cache excluded as {@code docker stats} does
     * @param memoryLimitBytes the container's limit, or the node's memory when it has none
     * @param error       why this task could not be measured, {@code null} when it was
     */
    public record TaskSample(String taskId, String task, Double cpuPercent, Long memoryBytes, Long memoryLimitBytes,
                             Phrase error) implements Serializable {
    }
}
