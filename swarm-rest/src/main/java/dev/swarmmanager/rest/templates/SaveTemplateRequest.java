package dev.swarmmanager.rest.templates;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;

/**
 * {@code {"name": "web", "description": "...", "service": {"image": "nginx:${TAG:-1.27}"}}}, or {@code "from_service": "web"}
 * instead of {@code service} to save a running service as it is.
 */
public record SaveTemplateRequest(@NotNull(message = "{required.example}|\"ocr-worker\"") String name, String description,
                                  JsonValue service, String fromService) {

    static final String EXAMPLE = "{\"name\": \"web\", \"description\": \"nginx\", \"service\": {\"image\": \"nginx:${TAG:-1.27}\", \"deploy\": {\"replicas\": \"${REPLICAS:-2}\"}}}";
}
