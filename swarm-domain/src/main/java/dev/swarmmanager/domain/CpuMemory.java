package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * An amount of CPU and memory: what a task reserves or may use at most, what a node has, or a sum of those.
 * Sums are taken in Swarm's own unit (a billionth of a CPU) so that ten tasks of 0.1 CPU make exactly one.
 *
 * @param cpus        CPUs, fractions allowed ({@code docker service create --reserve-cpu 0.5}); 0 for none
 * @param memoryBytes bytes; 0 for none
 */
public record CpuMemory(double cpus, long memoryBytes) implements Serializable {

    public static final CpuMemory NONE = new CpuMemory(0, 0);

    public static CpuMemory ofNanoCpus(long nanoCpus, long memoryBytes) {
        return new CpuMemory(nanoCpus / 1e9, memoryBytes);
    }

    /** Swarm's unit: 1e9 is one CPU. */
    public long nanoCpus() {
        return Math.round(cpus * 1e9);
    }

    public boolean isNone() {
        return nanoCpus() == 0 && memoryBytes == 0;
    }

    public CpuMemory plus(CpuMemory other) {
        return ofNanoCpus(nanoCpus() + other.nanoCpus(), memoryBytes + other.memoryBytes);
    }

    public CpuMemory minus(CpuMemory other) {
        return ofNanoCpus(nanoCpus() - other.nanoCpus(), memoryBytes - other.memoryBytes);
    }

    public CpuMemory times(long factor) {
        return ofNanoCpus(nanoCpus() * factor, memoryBytes * factor);
    }
}
