package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * A port a service publishes.
 *
 * @param publishedPort {@code null} until Swarm assigned one
 * @param publishMode {@code ingress} (routing mesh) or {@code host}
 */
public record PublishedPort(String protocol, int targetPort, Integer publishedPort, String publishMode) implements Serializable {
}
