package dev.swarmmanager.domain;

import java.io.Serializable;

/** A stack was deployed (not a dry run): its file and what the deploy did. Announced so that its history keeps the file. */
public record StackDeployed(StackDeployment deployment, StackDeployResult result) implements Serializable {
}
