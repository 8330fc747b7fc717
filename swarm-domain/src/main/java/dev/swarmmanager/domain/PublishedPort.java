package dev.swarmmanager.domain;

/**
 * A port a service publishes.
 *
 * @param publishedPort {@code null} until Swarm assigned one
 * @param publishMode {@code ingress} (routing mesh) or {@code host}
 */
public record PublishedPort(String protocol, int targetPort, Integer publishedPort, String publishMode) {
}
