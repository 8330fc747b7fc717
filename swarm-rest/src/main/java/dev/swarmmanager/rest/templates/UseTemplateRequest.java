package dev.swarmmanager.rest.templates;

import java.math.BigDecimal;
import java.util.Map;
import jakarta.validation.constraints.NotNull;

/** {@code {"name": "ocr-eu", "values": {"TAG": "2.0", "REPLICAS": "4"}, "version": 3}}: the service to create; version defaults to the newest. */
public record UseTemplateRequest(@NotNull(message = "{templates.new-name-required}") String name,
                                 Map<String, String> values, BigDecimal version) {

    static final String EXAMPLE = "{\"name\": \"ocr-eu\", \"values\": {\"TAG\": \"2.0\", \"REPLICAS\": \"4\"}}";
}
