package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * What each task of a service reserves (the scheduler places a task only on a node with that much unreserved) and
 * may use at most ({@code deploy.resources} in Compose).
 *
 * @param reservations per task; {@link CpuMemory#NONE} when the service reserves nothing
 * @param limits       per task; a zero part is no limit
 */
public record ServiceResources(CpuMemory reservations, CpuMemory limits) implements Serializable {

    public static final ServiceResources NONE = new ServiceResources(CpuMemory.NONE, CpuMemory.NONE);

    public ServiceResources {
        reservations = reservations == null ? CpuMemory.NONE : reservations;
        limits = limits == null ? CpuMemory.NONE : limits;
    }

    /** Some task may use all the CPU or memory of its node: a sum of limits does not bound it. */
    public boolean isUnlimited() {
        return limits.nanoCpus() == 0 || limits.memoryBytes() == 0;
    }
}
