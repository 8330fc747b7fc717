package dev.swarmmanager.compose;

import dev.swarmmanager.domain.Phrase;
import static dev.swarmmanager.compose.Specs.JSON;
import static dev.swarmmanager.compose.Specs.putLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Compose service's {@code volumes} (and {@code tmpfs}) as the Engine's mounts, converted as the docker CLI's stack
 * deploy converts them: a named volume becomes {@code <stack>_<key>} (or its {@code name}, or the external one) with
 * the stack's label and the top-level volume's driver and options, which the Engine creates on the node where a task
 * first needs it; a path is a bind mount; a target alone is an anonymous volume. Without this a stack's database would
 * write into its container and lose its data with the next task.
 */
final class ServiceMounts {

    /** Bind propagation modes, as the CLI recognises them among a short volume's options. */
    private static final Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");
    private static final Set<String> LONG_KEYS = Set.of("type", "source", "target", "read_only", "bind", "volume", "tmpfs",
            "consistency");

    private final StackScope scope;
    private final ComposeNode volumes;

    /** @param volumes the file's top-level {@code volumes} */
    ServiceMounts(StackScope scope, ComposeNode volumes) {
        this.scope = scope;
        this.volumes = volumes;
    }

    /** The mounts of a service's {@code volumes} then its {@code tmpfs} paths, in the file's order; null for none. */
    ArrayNode mounts(ComposeNode serviceVolumes, ComposeNode tmpfs) {
        if (serviceVolumes.isMissing() && tmpfs.isMissing()) {
            return null;
        }
        ArrayNode mounts = JSON.createArrayNode();
        for (ComposeNode item : serviceVolumes.items()) {
            mounts.add(item.isMap() ? longSyntax(item) : shortSyntax(item));
        }
        List<String> paths = tmpfs.isMissing() ? List.of() : tmpfs.stringOrList();
        for (String path : paths) {
            mounts.add(JSON.createObjectNode().put("Type", "tmpfs").put("Target", absolute(tmpfs, path, Phrase.of("compose.tmpfs-path"))));
        }
        return mounts;
    }

    /** {@code [source:]target[:options]}: options {@code ro}, {@code rw}, {@code nocopy} and a bind propagation. */
    private ObjectNode shortSyntax(ComposeNode item) {
        String spec = item.requiredString();
        String[] parts = spec.split(":", -1);
        if (spec.isEmpty() || parts.length > 3 || List.of(parts).contains("")) {
            throw item.invalid("compose.volume-short", shorten(spec));
        }
        String source = parts.length == 1 ? null : parts[0];
        String target = parts.length == 1 ? parts[0] : parts[1];
        boolean readOnly = false;
        Boolean noCopy = null;
        String propagation = null;
        if (parts.length == 3) {
            for (String option : parts[2].split(",")) {
                switch (option) {
                    case "ro" -> readOnly = true;
                    case "rw" -> readOnly = false;
                    case "nocopy" -> noCopy = true;
                    default -> propagation = PROPAGATIONS.contains(option) ? option : propagation; // others ignored, as the CLI does
                }
            }
        }
        if (source != null && isPath(source)) {
            return bind(item, source, target, readOnly, propagation);
        }
        return volume(item, source, target, readOnly, noCopy);
    }

    private ObjectNode longSyntax(ComposeNode item) {
        for (String key : item.keys()) {
            if (!LONG_KEYS.contains(key) && !key.startsWith("x-")) {
                throw item.get(key).invalid("compose.volume-key", String.join(", ", List.copyOf(LONG_KEYS)));
            }
        }
        String type = item.get("type").isMissing() ? "volume" : item.get("type").requiredString();
        String source = item.get("source").string();
        String target = item.get("target").requiredString();
        boolean readOnly = Boolean.TRUE.equals(item.get("read_only").bool());
        for (String options : List.of("bind", "volume", "tmpfs")) {
            if (!item.get(options).isMissing() && !options.equals(type)) {
                throw item.get(options).invalid("compose.volume-options", options, type);
            }
        }
        return switch (type) {
            case "volume" -> volume(item, source, target, readOnly, item.get("volume").get("nocopy").bool());
            case "bind" -> {
                if (source == null || source.isEmpty()) {
                    throw item.get("source").invalid("compose.bind-source");
                }
                yield bind(item, source, target, readOnly, item.get("bind").get("propagation").string());
            }
            case "tmpfs" -> {
                if (source != null && !source.isEmpty()) {
                    throw item.get("source").invalid("compose.tmpfs-source");
                }
                ObjectNode mount = base("tmpfs", null, absolute(item.get("target"), target, Phrase.of("compose.target")), readOnly);
                Long size = ComposeValues.bytes(item.get("tmpfs").get("size"));
                if (size != null) {
                    putLong(mount.putObject("TmpfsOptions"), "SizeBytes", size);
                }
                yield mount;
            }
            default -> throw item.get("type").invalid("compose.volume-type", shorten(type));
        };
    }

    private ObjectNode volume(ComposeNode at, String source, String target, boolean readOnly, Boolean noCopy) {
        ObjectNode mount = base("volume", null, absolute(at, target, Phrase.of("compose.target")), readOnly);
        if (source == null || source.isEmpty()) {
            return mount; // anonymous: a fresh volume for each task
        }
        if (scope.standalone()) {
            mount.put("Source", source); // an existing volume by its name, or one the Engine makes on the node
            if (Boolean.TRUE.equals(noCopy)) {
                mount.putObject("VolumeOptions").put("NoCopy", true);
            }
            return mount;
        }
        if (!volumes.keys().contains(source)) {
            throw at.invalid("compose.undefined-volume", shorten(source));
        }
        ComposeNode definition = volumes.get(source);
        boolean external = StackObjects.isExternal(definition);
        mount.put("Source", external ? StackObjects.externalName(definition, source)
                : definition.get("name").isMissing() ? scope.name(source) : definition.get("name").requiredString());
        ObjectNode options = mount.putObject("VolumeOptions");
        if (Boolean.TRUE.equals(noCopy)) {
            options.put("NoCopy", true);
        }
        if (external) {
            return mount;
        }
        options.set("Labels", scope.labels(definition.get("labels")));
        Map<String, String> driverOptions = definition.get("driver_opts").keyValues('=');
        String driver = definition.get("driver").string();
        if (driver != null || !definition.get("driver_opts").isMissing()) {
            ObjectNode config = options.putObject("DriverConfig");
            if (driver != null) {
                config.put("Name", driver);
            }
            if (!driverOptions.isEmpty()) {
                ObjectNode o = config.putObject("Options");
                driverOptions.forEach(o::put);
            }
        }
        return mount;
    }

    private static ObjectNode bind(ComposeNode at, String source, String target, boolean readOnly, String propagation) {
        if (!source.startsWith("/")) {
            // The CLI resolves ./ and ~ against the machine it runs on; a stack deployed through the server has no such
            // directory, and the nodes would each read their own.
            throw at.invalid("compose.bind-relative", shorten(source));
        }
        ObjectNode mount = base("bind", source, absolute(at, target, Phrase.of("compose.target")), readOnly);
        if (propagation != null) {
            if (!PROPAGATIONS.contains(propagation)) {
                throw at.invalid("compose.bind-propagation", shorten(propagation));
            }
            mount.putObject("BindOptions").put("Propagation", propagation);
        }
        return mount;
    }

    private static ObjectNode base(String type, String source, String target, boolean readOnly) {
        ObjectNode mount = JSON.createObjectNode().put("Type", type);
        if (source != null) {
            mount.put("Source", source);
        }
        mount.put("Target", target);
        if (readOnly) {
            mount.put("ReadOnly", true);
        }
        return mount;
    }

    private static String absolute(ComposeNode at, String path, Phrase what) {
        if (!path.startsWith("/")) {
            throw at.invalid("compose.container-path", what, shorten(path));
        }
        return path;
    }

    private static boolean isPath(String source) {
        return source.startsWith("/") || source.startsWith(".") || source.startsWith("~");
    }

    private static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
