package dev.swarmmanager.rest.objects;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** {@code {"name": "pages", "attachable": true, "encrypted": true}}; {@code driver} defaults to overlay. */
public record NetworkRequest(@NotNull(message = "{required.example}|\"pages\"") String name, String driver, Boolean attachable,
                             Boolean internal, Boolean encrypted, Map<String, String> labels) {

    static final String EXAMPLE = "{\"name\": \"pages\", \"attachable\": true, \"encrypted\": true}";
}
