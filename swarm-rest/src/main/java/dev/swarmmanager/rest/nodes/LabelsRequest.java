package dev.swarmmanager.rest.nodes;

import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** {@code {"labels": {"zone": "eu"}}}: the node's labels, all of them (a key left out is removed). */
public record LabelsRequest(@NotNull(message = "{nodes.labels-required}")
                            Map<String, String> labels) {

    static final String EXAMPLE = "{\"labels\": {\"zone\": \"eu\", \"disk\": \"ssd\"}}";
}
