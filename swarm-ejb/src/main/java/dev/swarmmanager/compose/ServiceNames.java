package dev.swarmmanager.compose;

import dev.swarmmanager.domain.InvalidRequestException;
import java.util.regex.Pattern;

/** The name of a service of its own, as Swarm accepts it; checked before anything is translated or asked. */
public final class ServiceNames {

    /** Swarm's rule for service names (swarmkit's): they become DNS names on the service's networks. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](?:[-_]*[a-zA-Z0-9]+)*");
    private static final int MAX = 63;

    private ServiceNames() {
    }

    public static void validate(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("name", "required.example", "\"ocr-worker\"");
        }
        if (name.length() > MAX || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "services.name", MAX, StackNames.shown(name));
        }
    }
}
