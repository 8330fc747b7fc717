package dev.swarmmanager.compose;

import java.util.List;
import java.util.TreeSet;

/**
 * The files a Compose file names for their content (a service's {@code env_file}, a secret's or config's
 * {@code file}), which a request must send with it, since the server cannot read the client's disk.
 */
public final class ComposeFiles {

    private ComposeFiles() {
    }

    /** The paths as the file writes them, each once, sorted. */
    public static List<String> named(ComposeNode root) {
        TreeSet<String> paths = new TreeSet<>();
        ComposeNode services = root.get("services");
        for (String name : services.keys()) {
            ComposeNode envFile = services.get(name).get("env_file");
            if (envFile.isMissing()) {
                continue;
            }
            for (ComposeNode item : envFile.isList() ? envFile.items() : List.of(envFile)) {
                String path = (item.isMap() ? item.get("path") : item).string();
                if (path != null) {
                    paths.add(path);
                }
            }
        }
        for (String kind : List.of("secrets", "configs")) {
            ComposeNode objects = root.get(kind);
            for (String key : objects.keys()) {
                String path = objects.get(key).get("file").string();
                if (path != null) {
                    paths.add(path);
                }
            }
        }
        return List.copyOf(paths);
    }
}
