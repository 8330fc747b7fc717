package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;

/** A local-mode account as admins manage it: never its password or hash. */
public record LocalUser(String name, Role role, boolean enabled, Instant passwordSetAt) implements Serializable {
}
