package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * One stack: its services, as {@code docker stack services} shows them, and the names of its own networks, secrets and
 * configs (those carrying the stack's label).
 */
public record StackDetails(String name, List<SwarmService> services, List<String> networks, List<String> secrets, List<String> configs) implements Serializable {

    public StackDetails {
        services = List.copyOf(services);
        networks = List.copyOf(networks);
        secrets = List.copyOf(secrets);
        configs = List.copyOf(configs);
    }
}
