package dev.swarmmanager.rest.alerts;

import dev.swarmmanager.domain.Alert;
import java.time.Instant;

/** One alert, open ({@code resolved_at} null) or past. */
public record AlertView(long id, String rule, String condition, String severity, String objectKind, String object, String summary,
                        Instant firedAt, Instant resolvedAt, boolean notified) {

    static AlertView of(Alert a) {
        return new AlertView(a.id(), a.rule(), a.condition().toString(), a.severity().toString(), a.kind().toString(), a.object(),
                a.summary(), a.firedAt(), a.resolvedAt(), a.notified());
    }
}
