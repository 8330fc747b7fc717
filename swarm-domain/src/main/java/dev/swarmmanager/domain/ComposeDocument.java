package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * A Compose file written from what runs.
 *
 * @param yaml     the file
 * @param warnings what the specs hold that Compose cannot say, left out of the file
 */
public record ComposeDocument(String name, String yaml, List<String> warnings) implements Serializable {

    public ComposeDocument {
        warnings = List.copyOf(warnings);
    }
}
