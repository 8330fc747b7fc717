package dev.swarmmanager.compose;

import static dev.swarmmanager.compose.Specs.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;

/**
 * A stack's namespace, as the docker CLI applies it: objects are named {@code <stack>_<key>} and every one carries
 * the namespace label, which is how the CLI and we each recognise what belongs to a stack. Or no namespace: a service
 * of its own, as {@code docker service create} makes it, whose names are its own and whose networks, secrets, configs
 * and named volumes are the existing ones of those names.
 *
 * @param namespace null for a service of its own
 */
record StackScope(String namespace) {

    static final String NAMESPACE_LABEL = "com.docker.stack.namespace";
    static final StackScope NONE = new StackScope(null);

    boolean standalone() {
        return namespace == null;
    }

    /** The full name of the file's {@code key}. */
    String name(String key) {
        return standalone() ? key : namespace + "_" + key;
    }

    /** The file's labels, sorted, with the namespace label. */
    ObjectNode labels(ComposeNode node) {
        ObjectNode labels = JSON.createObjectNode();
        new TreeMap<>(node.keyValues('=')).forEach((k, v) -> labels.put(k, v == null ? "" : v));
        if (!standalone()) {
            labels.put(NAMESPACE_LABEL, namespace);
        }
        return labels;
    }
}
