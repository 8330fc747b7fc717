package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * What a new node needs to join: the secret token for its role and where to join.
 *
 * @param command the {@code docker swarm join} command line an operator runs on the new node
 */
public record JoinToken(NodeRole role, String token, List<String> managerAddresses, String command) implements Serializable {

    public JoinToken {
        managerAddresses = managerAddresses == null ? List.of() : List.copyOf(managerAddresses);
    }
}
