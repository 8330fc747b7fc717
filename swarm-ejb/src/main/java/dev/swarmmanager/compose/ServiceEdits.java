package dev.swarmmanager.compose;

import static dev.swarmmanager.compose.Specs.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An edit of a running service, written in Compose's words: each key the edit gives replaces the settings of the
 * current spec that key stands for (a key given as null removes them), and everything else of the spec stays as it
 * is, fields no Compose key writes (and fields this code has never heard of) included. The edit is translated as a
 * service of its own would be, then only the named parts are copied over. Pure.
 */
public final class ServiceEdits {

    private static final String CONTAINER = "TaskTemplate.ContainerSpec.";

    /** The spec fields each Compose service key writes, as dotted paths from the spec. */
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("image", List.of(CONTAINER + "Image")),
            Map.entry("command", List.of(CONTAINER + "Args")),
            Map.entry("entrypoint", List.of(CONTAINER + "Command")),
            Map.entry("environment", List.of(CONTAINER + "Env")),
            Map.entry("env_file", List.of(CONTAINER + "Env")),
            Map.entry("labels", List.of(CONTAINER + "Labels")),
            Map.entry("hostname", List.of(CONTAINER + "Hostname")),
            Map.entry("user", List.of(CONTAINER + "User")),
            Map.entry("working_dir", List.of(CONTAINER + "Dir")),
            Map.entry("stop_grace_period", List.of(CONTAINER + "StopGracePeriod")),
            Map.entry("stop_signal", List.of(CONTAINER + "StopSignal")),
            Map.entry("tty", List.of(CONTAINER + "TTY")),
            Map.entry("stdin_open", List.of(CONTAINER + "OpenStdin")),
            Map.entry("read_only", List.of(CONTAINER + "ReadOnly")),
            Map.entry("init", List.of(CONTAINER + "Init")),
            Map.entry("cap_add", List.of(CONTAINER + "CapabilityAdd")),
            Map.entry("cap_drop", List.of(CONTAINER + "CapabilityDrop")),
            Map.entry("extra_hosts", List.of(CONTAINER + "Hosts")),
            Map.entry("dns", List.of(CONTAINER + "DNSConfig.Nameservers")),
            Map.entry("dns_search", List.of(CONTAINER + "DNSConfig.Search")),
            Map.entry("sysctls", List.of(CONTAINER + "Sysctls")),
            Map.entry("volumes", List.of(CONTAINER + "Mounts")),
            Map.entry("ulimits", List.of(CONTAINER + "Ulimits")),
            Map.entry("healthcheck", List.of(CONTAINER + "Healthcheck")),
            Map.entry("secrets", List.of(CONTAINER + "Secrets")),
            Map.entry("configs", List.of(CONTAINER + "Configs")),
            Map.entry("logging", List.of("TaskTemplate.LogDriver")),
            Map.entry("networks", List.of("TaskTemplate.Networks", "Networks")),
            Map.entry("ports", List.of("EndpointSpec.Ports")),
            Map.entry("restart", List.of("TaskTemplate.RestartPolicy")),
            Map.entry("deploy.mode", List.of("Mode")),
            Map.entry("deploy.replicas", List.of("Mode")),
            Map.entry("deploy.labels", List.of("Labels")),
            Map.entry("deploy.placement", List.of("TaskTemplate.Placement")),
            Map.entry("deploy.update_config", List.of("UpdateConfig")),
            Map.entry("deploy.rollback_config", List.of("RollbackConfig")),
            Map.entry("deploy.restart_policy", List.of("TaskTemplate.RestartPolicy")),
            Map.entry("deploy.resources", List.of("TaskTemplate.Resources")),
            Map.entry("deploy.endpoint_mode", List.of("EndpointSpec.Mode")));

    /** Labels the stack tooling owns: an edit of the labels keeps them, or the service would leave its stack. */
    private static final List<String> OWNED_LABELS = List.of(StackScope.NAMESPACE_LABEL, ComposeTranslator.IMAGE_LABEL);

    private ServiceEdits() {
    }

    /**
     * @param current the service's spec as the Engine has it
     * @param edit    the Compose keys to change, as {@link ComposeLoader#loadService} reads them
     * @return a new spec: the current one with the edit's settings in place
     */
    @SuppressWarnings("unchecked") // a loaded mapping's keys are strings
    public static ObjectNode apply(JsonNode current, ComposeNode edit, List<String> warnings) {
        if (!edit.isMap() || edit.keys().isEmpty()) {
            throw edit.invalid("compose.edit-empty");
        }
        Map<String, Object> whole = new LinkedHashMap<>((Map<String, Object>) edit.value());
        Map<String, Object> deploy = edit.get("deploy").isMap()
                ? new LinkedHashMap<>((Map<String, Object>) edit.get("deploy").value()) : new LinkedHashMap<>();
        if (!edit.get("deploy").isMissing() && !edit.get("deploy").isMap()) {
            throw edit.get("deploy").invalid("compose.mapping");
        }
        JsonNode mode = current.path("Mode");
        if (deploy.containsKey("replicas") && !deploy.containsKey("mode")) {
            deploy.put("mode", mode.has("Global") ? "global" : "replicated"); // replicas alone never change the mode
        }
        if (!deploy.isEmpty()) {
            whole.put("deploy", deploy);
        }
        if (edit.get("image").isMissing()) {
            whole.put("image", current.path("TaskTemplate").path("ContainerSpec").path("Image").asText());
        }
        ComposeNode translated = new ComposeNode(edit.document(), edit.path(), whole);
        StackPlan.ServicePlan plan = ComposeTranslator.translateEdited(current.path("Name").asText(), translated, warnings);
        ObjectNode proposed = plan.spec();

        ObjectNode result = current.deepCopy();
        for (String key : edit.keys()) {
            if (key.equals("deploy")) {
                for (String field : edit.get("deploy").keys()) {
                    copy("deploy." + field, proposed, result);
                }
            } else if (key.equals("tmpfs") && edit.get("volumes").isMissing()) {
                replaceTmpfs(proposed, result);
            } else {
                copy(key, proposed, result);
            }
        }
        if (!plan.replicasSet() && mode.has("Replicated") && result.path("Mode").has("Replicated")) {
            ((ObjectNode) result.path("Mode").path("Replicated")).set("Replicas", mode.path("Replicated").path("Replicas"));
        }
        for (String owned : OWNED_LABELS) {
            keepLabel(current.path("Labels"), result, "Labels", owned);
            keepLabel(current.path("TaskTemplate").path("ContainerSpec").path("Labels"), result, CONTAINER + "Labels", owned);
        }
        if (!edit.get("image").isMissing() && result.path("Labels").has(ComposeTranslator.IMAGE_LABEL)) {
            // The stack's record of the image as written: a redeploy of the file compares with it
            ((ObjectNode) result.path("Labels")).put(ComposeTranslator.IMAGE_LABEL, edit.get("image").string());
        }
        return result;
    }

    private static void copy(String key, ObjectNode from, ObjectNode to) {
        List<String> fields = FIELDS.get(key);
        if (fields == null) {
            return; // a key Swarm services cannot honour: the translation reported it among the warnings
        }
        for (String field : fields) {
            JsonNode value = at(from, field);
            ObjectNode parent = parent(to, field, value != null);
            if (parent == null) {
                continue;
            }
            String name = field.substring(field.lastIndexOf('.') + 1);
            if (value == null) {
                parent.remove(name);
            } else {
                parent.set(name, value.deepCopy());
            }
        }
    }

    /** The {@code tmpfs} key alone replaces the tmpfs mounts and keeps the volumes and binds. */
    private static void replaceTmpfs(ObjectNode proposed, ObjectNode result) {
        ArrayNode mounts = JSON.createArrayNode();
        at(result, CONTAINER + "Mounts", JSON.createArrayNode()).forEach(m -> {
            if (!m.path("Type").asText().equals("tmpfs")) {
                mounts.add(m);
            }
        });
        at(proposed, CONTAINER + "Mounts", JSON.createArrayNode()).forEach(mounts::add);
        ObjectNode container = parent(result, CONTAINER + "Mounts", true);
        if (mounts.isEmpty()) {
            container.remove("Mounts");
        } else {
            container.set("Mounts", mounts);
        }
    }

    private static void keepLabel(JsonNode currentLabels, ObjectNode result, String field, String label) {
        if (!currentLabels.has(label)) {
            return;
        }
        ObjectNode parent = parent(result, field, true);
        String name = field.substring(field.lastIndexOf('.') + 1);
        if (!parent.path(name).isObject()) {
            parent.putObject(name);
        }
        ((ObjectNode) parent.path(name)).set(label, currentLabels.path(label));
    }

    private static JsonNode at(JsonNode node, String field) {
        JsonNode value = node;
        for (String part : field.split("\\.")) {
            value = value.path(part);
        }
        return value.isMissingNode() || value.isNull() ? null : value;
    }

    private static JsonNode at(JsonNode node, String field, JsonNode otherwise) {
        JsonNode value = at(node, field);
        return value == null ? otherwise : value;
    }

    /** The object holding {@code field}, made on the way when {@code create}; null when absent and not made. */
    private static ObjectNode parent(ObjectNode root, String field, boolean create) {
        String[] parts = field.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.path(parts[i]);
            if (!next.isObject()) {
                if (!create) {
                    return null;
                }
                next = node.putObject(parts[i]);
            }
            node = (ObjectNode) next;
        }
        return node;
    }
}
