package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A version of a stack's file in its history, without the file. */
public record StackVersionSummary(String stack, int version, String user, Instant deployedAt, int fileBytes,
                                  List<String> variables, List<String> files) implements Serializable {

    public StackVersionSummary {
        variables = List.copyOf(variables);
        files = List.copyOf(files);
    }
}
