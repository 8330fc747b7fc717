package dev.swarmmanager.resources.control;

import com.fasterxml.jackson.databind.JsonNode;

/** The figures {@code docker stats} shows, from the Engine's stats JSON of one container (Linux, cgroup v1 or v2). */
final class ContainerStats {

    private ContainerStats() {
    }

    /**
     * The CPU time the container used between the Engine's two samples, as a share of one CPU: 100 is one CPU busy.
     * {@code null} when the Engine sent no earlier sample.
     */
    static Double cpuPercent(JsonNode stats) {
        JsonNode now = stats.path("cpu_stats");
        JsonNode before = stats.path("precpu_stats");
        long cpuDelta = now.path("cpu_usage").path("total_usage").asLong() - before.path("cpu_usage").path("total_usage").asLong();
        long systemDelta = now.path("system_cpu_usage").asLong() - before.path("system_cpu_usage").asLong();
        if (!before.path("system_cpu_usage").isNumber() || systemDelta <= 0) {
            return null;
        }
        long cpus = now.path("online_cpus").asLong();
        if (cpus == 0) {
            cpus = Math.max(1, now.path("cpu_usage").path("percpu_usage").size());
        }
        return Math.max(0, cpuDelta) * 100.0 * cpus / systemDelta;
    }

    /** Memory in use less the inactive page cache, which the kernel gives back under pressure (as the CLI does). */
    static Long memoryInUse(JsonNode stats) {
        JsonNode memory = stats.path("memory_stats");
        if (!memory.path("usage").isNumber()) {
            return null;
        }
        long usage = memory.path("usage").asLong();
        JsonNode detail = memory.path("stats");
        long inactive = detail.has("total_inactive_file") ? detail.path("total_inactive_file").asLong()
                : detail.path("inactive_file").asLong();
        return inactive < usage ? usage - inactive : usage;
    }

    static Long memoryLimit(JsonNode stats) {
        JsonNode limit = stats.path("memory_stats").path("limit");
        return limit.isNumber() ? limit.asLong() : null;
    }
}
