package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/**
 * A Swarm registered to be managed beside the default one. Its certificates are never read back: they are kept
 * encrypted and only used to connect.
 *
 * @param swarmId the Swarm's ID when it was registered (one Swarm is registered once)
 */
public record RegisteredCluster(String name, String dockerHost, boolean tls, String swarmId, String registeredBy,
                                Instant registeredAt) implements Serializable {

    /** The name under which the cluster of the server's own configuration ({@code swarm.docker.host}) is shown. */
    public static final String DEFAULT = "default";
}
