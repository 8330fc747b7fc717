package dev.swarmmanager.compose;

import dev.swarmmanager.domain.ResourceNotFoundException;
import static dev.swarmmanager.compose.Specs.JSON;
import static dev.swarmmanager.compose.Specs.putBool;
import static dev.swarmmanager.compose.Specs.putText;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stack's networks, secrets and configs: the specs of those the file defines, the names of the external ones, and
 * the services' attachments and file references to them, each recorded with its path in the file.
 */
final class StackObjects {

    static final String DEFAULT_NETWORK = "default";

    private final StackScope scope;
    private final Map<String, String> files;
    private final List<String> warnings;
    private final Map<String, String> paths;

    /**
     * @param files    file contents by the path the Compose file writes
     * @param warnings where to add what was ignored
     * @param paths    where to record each object's path in the file, by {@link StackPlan#key}
     */
    StackObjects(StackScope scope, Map<String, String> files, List<String> warnings, Map<String, String> paths) {
        this.scope = scope;
        this.files = files;
        this.warnings = warnings;
        this.paths = paths;
    }

    /**
     * Top-level secrets or configs: the specs to create, by full name, and the full name of every key
     * (external ones included) for the services' references.
     */
    Map<String, String> fileObjects(ComposeNode node, String kind, Map<String, ObjectNode> specs, List<String> external) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : node.keys()) {
            StackNames.validateKey(key, kind + "s");
            ComposeNode object = node.get(key);
            if (isExternal(object)) {
                String name = externalName(object, key);
                paths.put(StackPlan.key(kind, name), object.path());
                names.put(key, name);
                external.add(name);
                continue;
            }
            String name = object.get("name").isMissing() ? scope.name(key) : object.get("name").requiredString();
            paths.put(StackPlan.key(kind, name), object.path());
            for (String field : object.keys()) {
                if (!Set.of("file", "content", "name", "labels", "external").contains(field) && !field.startsWith("x-")) {
                    warnings.add(object.path() + "." + field + " is not supported and was ignored");
                }
            }
            String content;
            if (!object.get("content").isMissing()) {
                content = object.get("content").string();
            } else if (!object.get("file").isMissing()) {
                String path = object.get("file").requiredString();
                content = fileContent(path);
                if (content == null) {
                    throw object.get("file").invalid("compose.file-not-sent", path);
                }
            } else {
                throw object.invalid("compose.object-source");
            }
            ObjectNode spec = JSON.createObjectNode();
            spec.put("Name", name);
            spec.set("Labels", scope.labels(object.get("labels")));
            spec.put("Data", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
            specs.put(name, spec);
            names.put(key, name);
        }
        return names;
    }

    /**
     * The variables of a service's {@code env_file} (one path or a list, read from the files sent with the request),
     * later files overriding earlier ones, as the docker CLI reads them: {@code KEY=VALUE} lines, {@code #} comments and
     * blank lines skipped; a bare {@code KEY} (which the CLI takes from its own environment) has no value here and is left out.
     */
    Map<String, String> envFiles(ComposeNode envFile) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (envFile.isMissing()) {
            return variables;
        }
        List<ComposeNode> items = envFile.isList() ? envFile.items() : List.of(envFile);
        for (ComposeNode item : items) {
            ComposeNode pathNode = item.isMap() ? item.get("path") : item;
            String path = pathNode.requiredString();
            String content = fileContent(path);
            if (content == null) {
                if (item.isMap() && Boolean.FALSE.equals(item.get("required").bool())) {
                    continue;
                }
                throw pathNode.invalid("compose.file-not-sent", path);
            }
            int number = 0;
            for (String raw : content.split("\\r?\\n", -1)) {
                number++;
                String line = raw.stripLeading();
                if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                String name = line.substring(0, line.indexOf('='));
                if (name.isEmpty() || !name.equals(name.strip()) || name.chars().anyMatch(Character::isWhitespace)) {
                    throw pathNode.invalid("compose.env-file-line", path, number);
                }
                variables.put(name, line.substring(line.indexOf('=') + 1));
            }
        }
        return variables;
    }

    String fileContent(String path) {
        String normalized = path.startsWith("./") ? path.substring(2) : path;
        for (var entry : files.entrySet()) {
            String key = entry.getKey().startsWith("./") ? entry.getKey().substring(2) : entry.getKey();
            if (key.equals(normalized)) {
                return entry.getValue();
            }
        }
        return null;
    }

    ObjectNode networkSpec(String name, ComposeNode network) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("Name", name);
        spec.put("CheckDuplicate", true);
        spec.put("Driver", network.get("driver").isMissing() ? "overlay" : network.get("driver").string());
        spec.put("Scope", "swarm");
        spec.set("Labels", scope.labels(network.get("labels")));
        Map<String, String> options = network.get("driver_opts").keyValues('=');
        if (!options.isEmpty()) {
            ObjectNode o = spec.putObject("Options");
            options.forEach(o::put);
        }
        putBool(spec, "Internal", network.get("internal").bool());
        putBool(spec, "Attachable", network.get("attachable").bool());
        ComposeNode ipam = network.get("ipam");
        if (!ipam.isMissing()) {
            ObjectNode i = spec.putObject("IPAM");
            putText(i, "Driver", ipam.get("driver").string());
            ArrayNode config = i.putArray("Config");
            for (ComposeNode c : ipam.get("config").items()) {
                config.addObject().put("Subnet", c.get("subnet").requiredString());
            }
        }
        return spec;
    }

    ArrayNode networks(String serviceKey, ComposeNode node, ComposeNode configs, Set<String> used) {
        Map<String, ComposeNode> attached = new LinkedHashMap<>();
        if (scope.standalone()) {
            return standaloneNetworks(node, used);
        }
        if (node.isMissing()) {
            attached.put(DEFAULT_NETWORK, new ComposeNode(node.document(), node.path(), null));
        } else if (node.isList()) {
            for (ComposeNode item : node.items()) {
                attached.put(item.requiredString(), new ComposeNode(item.document(), item.path(), null));
            }
        } else {
            for (String key : node.keys()) {
                attached.put(key, node.get(key));
            }
        }
        List<ObjectNode> result = new ArrayList<>();
        for (var entry : attached.entrySet()) {
            String key = entry.getKey();
            ComposeNode config = configs.get(key);
            if (config.isMissing() && !key.equals(DEFAULT_NETWORK) && !configs.keys().contains(key)) {
                throw entry.getValue().invalid("compose.undefined-network", key);
            }
            used.add(key);
            String target = isExternal(config) ? externalName(config, key)
                    : config.get("name").isMissing() ? scope.name(key) : config.get("name").requiredString();
            ObjectNode attachment = JSON.createObjectNode();
            attachment.put("Target", target);
            ArrayNode aliases = attachment.putArray("Aliases");
            entry.getValue().get("aliases").strings().forEach(aliases::add);
            aliases.add(serviceKey);
            result.add(attachment);
        }
        result.sort(Comparator.comparing(a -> a.path("Target").asText()));
        return JSON.createArrayNode().addAll(result);
    }

    /**
     * A service of its own joins the existing networks it names, with the aliases it gives (none by default: the
     * service's name resolves anyway, as with {@code docker service create --network}).
     */
    private ArrayNode standaloneNetworks(ComposeNode node, Set<String> used) {
        ArrayNode result = JSON.createArrayNode();
        List<ObjectNode> attachments = new ArrayList<>();
        List<ComposeNode> items = node.isList() ? node.items()
                : node.keys().stream().map(key -> new ComposeNode(node.document(), node.path() + "." + key, key)).toList();
        for (ComposeNode item : items) {
            String name = item.requiredString();
            used.add(name);
            ObjectNode attachment = JSON.createObjectNode().put("Target", name);
            List<String> aliases = node.isMap() ? node.get(name).get("aliases").strings() : List.of();
            if (!aliases.isEmpty()) {
                aliases.forEach(attachment.putArray("Aliases")::add);
            }
            attachments.add(attachment);
        }
        attachments.sort(Comparator.comparing(a -> a.path("Target").asText()));
        return result.addAll(attachments);
    }

    void references(ComposeNode node, Map<String, String> defined, String kind, String field, String nameField,
                            ObjectNode container) {
        if (node.isMissing()) {
            return;
        }
        List<ObjectNode> refs = new ArrayList<>();
        for (ComposeNode item : node.items()) {
            String source = item.isMap() ? item.get("source").requiredString() : item.requiredString();
            String name = scope.standalone() ? source : defined.get(source);
            if (name == null) {
                throw item.invalid("compose.undefined-object", ResourceNotFoundException.kind(kind), source,
                        ResourceNotFoundException.kind(kind + "s"));
            }
            ObjectNode ref = JSON.createObjectNode();
            ObjectNode file = ref.putObject("File");
            file.put("Name", item.isMap() && !item.get("target").isMissing() ? item.get("target").string() : source);
            file.put("UID", item.isMap() && !item.get("uid").isMissing() ? item.get("uid").string() : "0");
            file.put("GID", item.isMap() && !item.get("gid").isMissing() ? item.get("gid").string() : "0");
            file.put("Mode", item.isMap() && !item.get("mode").isMissing() ? fileMode(item.get("mode")) : 0444);
            ref.put(nameField, name);
            refs.add(ref);
        }
        refs.sort(Comparator.comparing(r -> r.path(nameField).asText()));
        container.putArray(field).addAll(refs);
    }

    static int fileMode(ComposeNode mode) {
        if (mode.value() instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(mode.string().trim(), 8);
        } catch (NumberFormatException e) {
            throw mode.invalid("compose.file-mode", mode.value());
        }
    }

    static boolean isExternal(ComposeNode node) {
        ComposeNode external = node.get("external");
        if (external.isMissing()) {
            return false;
        }
        return external.isMap() || Boolean.TRUE.equals(external.bool());
    }

    static String externalName(ComposeNode node, String key) {
        if (!node.get("name").isMissing()) {
            return node.get("name").requiredString();
        }
        ComposeNode external = node.get("external");
        return external.isMap() && !external.get("name").isMissing() ? external.get("name").requiredString() : key;
    }
}
