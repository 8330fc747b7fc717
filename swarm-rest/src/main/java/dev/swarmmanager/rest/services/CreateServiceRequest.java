package dev.swarmmanager.rest.services;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * {@code {"name": "web", "service": {"image": "nginx:1.27", "deploy": {"replicas": 2}}}}: one Compose service, as a
 * JSON object or as YAML text (what a Compose file's {@code services.web} holds), with optional {@code variables}.
 */
public record CreateServiceRequest(@NotNull(message = "{required.example}|\"web\"") String name,
                                   @NotNull(message = "{services.service-required}") JsonValue service,
                                   Map<String, String> variables) {

    static final String EXAMPLE = "{\"name\": \"web\", \"service\": {\"image\": \"nginx:1.27\", \"deploy\": {\"replicas\": 2}}}";
}
