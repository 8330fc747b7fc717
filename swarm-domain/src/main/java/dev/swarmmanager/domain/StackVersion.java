package dev.swarmmanager.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One deploy of a stack through this application, as its history keeps it.
 *
 * @param version    1 for the stack's first deploy kept, then 2, 3...
 * @param composeFile the file as it was sent
 * @param variables  the variables as they were sent, except values whose name says they are secret: those are null
 *                   (a redeploy of this version asks for them again)
 * @param files      the names of the files sent with the deploy (secret files, env files): their content is never kept
 */
public record StackVersion(String stack, int version, String composeFile, Map<String, String> variables, List<String> files,
                           boolean prune, String user, Instant deployedAt) implements Serializable {

    public StackVersion {
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(variables));
        files = files == null ? List.of() : List.copyOf(files);
    }
}
