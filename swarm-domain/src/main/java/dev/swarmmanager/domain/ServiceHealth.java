package dev.swarmmanager.domain;

import java.io.Serializable;

/** One service's side of the cluster's health: does it run as many tasks as it should? */
public record ServiceHealth(String id, String name, ServiceMode mode, long desiredReplicas, long runningReplicas,
                            boolean healthy) implements Serializable {
}
