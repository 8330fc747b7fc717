package dev.swarmmanager.domain;

import java.util.List;

/** One stack and its services, as {@code docker stack services} shows them. */
public record StackDetails(String name, List<SwarmService> services) {

    public StackDetails {
        services = List.copyOf(services);
    }
}
