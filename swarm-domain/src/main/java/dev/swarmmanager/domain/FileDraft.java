package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.Map;

/**
 * A secret or config to create, or the next content of one to rotate.
 *
 * @param content its content as text (never logged, never read back for a secret)
 */
public record FileDraft(String name, String content, Map<String, String> labels) implements Serializable {

    public FileDraft {
        if (labels != null && labels.values().stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidRequestException("labels", "labels.null");
        }
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
