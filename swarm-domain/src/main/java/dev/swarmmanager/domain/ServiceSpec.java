package dev.swarmmanager.domain;

import java.io.Serializable;

/**
 * A service's full spec as the Engine holds it (every setting, those this application does not model included).
 *
 * @param version      the version any versioned write must quote
 * @param spec         the spec, as the Engine's JSON
 * @param previousSpec the spec before the last update, which a rollback returns to; null when there is none
 */
public record ServiceSpec(String id, String name, long version, String spec, String previousSpec) implements Serializable {
}
