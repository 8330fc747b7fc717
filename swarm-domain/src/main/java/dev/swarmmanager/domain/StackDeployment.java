package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.Map;

/**
 * A request to deploy or redeploy a Compose stack, as {@code docker stack deploy} takes it.
 *
 * @param composeFile the Compose file's YAML (version 3.x)
 * @param variables values for {@code ${VAR}} interpolation; nothing is read from the server's environment
 * @param files contents of the files the Compose file names ({@code secrets.x.file}, {@code configs.x.file}),
 *              by the path written in the file: the server cannot read the client's disk
 * @param prune remove the stack's services that the file no longer has
 */
public record StackDeployment(String name, String composeFile, Map<String, String> variables,
                              Map<String, String> files, boolean prune) implements Serializable {

    public StackDeployment {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        files = files == null ? Map.of() : Map.copyOf(files);
    }
}
