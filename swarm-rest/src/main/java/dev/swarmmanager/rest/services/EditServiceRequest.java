package dev.swarmmanager.rest.services;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code {"changes": {"environment": {"LOG_LEVEL": "debug"}}, "version": 42}}: the Compose service keys to change (a JSON
 * object, or YAML text), optional {@code variables}, and optionally the spec {@code version} the change was reviewed
 * against.
 */
public record EditServiceRequest(@NotNull(message = "{services.changes-required}") JsonValue changes,
                                 Map<String, String> variables, BigDecimal version) {

    static final String EXAMPLE = "{\"changes\": {\"environment\": {\"LOG_LEVEL\": \"debug\"}}, \"version\": 42}";
}
