package dev.swarmmanager.domain;

import java.io.Serializable;
import java.util.List;

/**
 * What an edit would change, changing nothing: the current spec and the one the edit would write, both as the
 * Engine's JSON laid out the same way (so that a line diff shows the change), and what the deployment policy says.
 *
 * @param version    the current spec's version: quote it in the edit to apply exactly this change
 * @param violations what the deployment policy would refuse (an admin's edit may go past some of them)
 */
public record ServiceEditPreview(String name, long version, String current, String proposed, List<String> warnings,
                                 List<PolicyViolation> violations) implements Serializable {

    public ServiceEditPreview {
        warnings = List.copyOf(warnings);
        violations = List.copyOf(violations);
    }

    /** The edit changes nothing. */
    public boolean unchanged() {
        return current.equals(proposed);
    }
}
