package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A secret or a config: never a secret's value.
 *
 * @param services the services that use it, by name
 * @param stack    the stack it belongs to, null if none
 * @param content  a config's content when it was asked for; always null for a secret
 * @param rotation the last rotation from or to it since the server started, {@code null} if none
 */
public record SwarmFile(String id, String name, FileKind kind, Map<String, String> labels, List<String> services, String stack,
                        Instant createdAt, Instant updatedAt, String content, Rotation rotation) implements Serializable {

    public SwarmFile {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        services = List.copyOf(services);
    }
}
