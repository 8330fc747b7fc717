package dev.swarmmanager.rest.alerts;

import dev.swarmmanager.domain.AlertChannel;
import java.time.Instant;

/** A notification channel in the names a client sends it in (admins only: the target may carry a token). */
public record AlertChannelView(String name, String type, String target, String minimumSeverity, boolean enabled, String updatedBy,
                               Instant updatedAt) {

    static AlertChannelView of(AlertChannel c) {
        return new AlertChannelView(c.name(), c.type().toString(), c.target(), c.minimumSeverity().toString(), c.enabled(),
                c.updatedBy(), c.updatedAt());
    }
}
