package dev.swarmmanager.compose;

import dev.swarmmanager.domain.InvalidRequestException;
import java.util.regex.Pattern;

/** The names Swarm accepts, checked before a stack is translated. */
public final class StackNames {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");
    private static final int MAX_OBJECT_NAME = 63;

    private StackNames() {
    }

    public static void validateStack(String stack) {
        if (stack == null || stack.isBlank()) {
            throw new InvalidRequestException("stack_name", "required.example", "\"ocr\"");
        }
        if (!NAME.matcher(stack).matches() || stack.length() > 50) {
            throw new InvalidRequestException("stack_name", "stacks.name", shown(stack));
        }
    }

    static void validateKey(String key, String section) {
        if (!NAME.matcher(key).matches()) {
            throw new InvalidRequestException(null, "stacks.key", section + "." + shown(key));
        }
    }

    static void validateObjectName(String name, String path) {
        if (name.length() > MAX_OBJECT_NAME) {
            throw new InvalidRequestException(null, "stacks.object-name", shown(path), shown(name), MAX_OBJECT_NAME);
        }
    }

    /** A name as a message shows it: the start of it, never kilobytes of input echoed back. */
    static String shown(String name) {
        return name.length() <= 80 ? name : name.substring(0, 80) + "… (" + name.length() + " characters)";
    }
}
