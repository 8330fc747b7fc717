package dev.swarmmanager.domain;

/**
 * Where a scaling policy reads its figure: a PromQL query (summed over the series it answers, a queue's depth for
 * instance), or the CPU % or memory its tasks use as the Engine measures them.
 */
public enum ScalingMetric {
    PROMETHEUS, CPU, MEMORY;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
