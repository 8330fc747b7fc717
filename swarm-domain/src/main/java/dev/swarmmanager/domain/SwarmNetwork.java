package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A network as {@code docker network ls} shows it, with the services attached to it. */
public record SwarmNetwork(String id, String name, String driver, String scope, boolean attachable, boolean internal,
                           boolean encrypted, boolean ingress, Map<String, String> labels, List<String> services, String stack,
                           Instant createdAt) implements Serializable {

    public SwarmNetwork {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        services = List.copyOf(services);
    }
}
