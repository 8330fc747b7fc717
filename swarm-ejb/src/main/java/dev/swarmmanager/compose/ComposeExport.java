package dev.swarmmanager.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The way back from the Engine's specs to Compose: a service, or a stack's services with their networks, written so
 * that deploying the file again (through us, or {@code docker stack deploy} for a stack) gives the same specs. Secrets
 * and configs are named, never copied (the Engine does not give their content back, and it must not leave). What a
 * spec holds that Compose cannot say is reported, never silently dropped. Every {@code $} is written {@code $$}, so
 * that the file's interpolation gives back the value as it was. Pure.
 */
public final class ComposeExport {

    private ComposeExport() {
    }

    /**
     * One service of its own, as {@code POST /services} takes it back.
     *
     * @param networkNames the networks' names by ID (a spec names its networks by ID)
     */
    public static Map<String, Object> service(JsonNode spec, Map<String, String> networkNames, List<String> warnings) {
        return new Writer(spec, null, networkNames, warnings).service();
    }

    /**
     * As {@link #service}, with the value of each environment variable whose name says it is secret replaced by a
     * required parameter ({@code DB_PASSWORD=${DB_PASSWORD:?...}}): what a template keeps, which viewers read.
     */
    public static Map<String, Object> serviceWithSecretsAsParameters(JsonNode spec, Map<String, String> networkNames, List<String> warnings) {
        Writer writer = new Writer(spec, null, networkNames, warnings);
        writer.secretsAsParameters = true;
        return writer.service();
    }

    /**
     * A stack's file: its services (keys without the stack's prefix), the networks they join (the stack's own with
     * their settings, others as external), and its secrets, configs and volumes by name.
     *
     * @param networks the networks the services join, by ID, as the Engine lists them
     */
    public static Map<String, Object> stack(String stack, List<JsonNode> specs, Map<String, JsonNode> networks, List<String> warnings) {
        Map<String, String> names = new LinkedHashMap<>();
        networks.forEach((id, network) -> names.put(id, network.path("Name").asText()));
        Map<String, Object> file = new LinkedHashMap<>();
        Map<String, Object> services = new TreeMap<>();
        Map<String, Object> fileNetworks = new TreeMap<>();
        Map<String, Object> fileVolumes = new TreeMap<>();
        Map<String, Object> fileSecrets = new TreeMap<>();
        Map<String, Object> fileConfigs = new TreeMap<>();
        for (JsonNode spec : specs) {
            Writer writer = new Writer(spec, stack, names, warnings);
            services.put(writer.key(spec.path("Name").asText()), writer.service());
            writer.usedNetworks.forEach(id -> fileNetworks.put(writer.key(names.getOrDefault(id, id)), network(stack, networks.get(id), writer)));
            fileVolumes.putAll(writer.volumes);
            fileSecrets.putAll(writer.secrets);
            fileConfigs.putAll(writer.configs);
        }
        file.put("version", "3.8");
        file.put("services", services);
        putIfAny(file, "networks", fileNetworks);
        putIfAny(file, "volumes", fileVolumes);
        putIfAny(file, "secrets", fileSecrets);
        putIfAny(file, "configs", fileConfigs);
        return file;
    }

    /** A Compose document as YAML, in block style, keys in the order given. */
    public static String yaml(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(160);
        return new Yaml(options).dump(document);
    }

    private static Map<String, Object> network(String stack, JsonNode network, Writer writer) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (network == null) {
            out.put("external", true);
            return out;
        }
        String name = network.path("Name").asText();
        if (!stack.equals(network.path("Labels").path(StackScope.NAMESPACE_LABEL).asText(null))) {
            out.put("external", true);
            out.put("name", Writer.escaped(name));
            return out;
        }
        if (!name.equals(stack + "_" + writer.key(name))) {
            out.put("name", Writer.escaped(name));
        }
        if (!network.path("Driver").asText("overlay").equals("overlay")) {
            out.put("driver", network.path("Driver").asText());
        }
        Map<String, Object> options = Writer.strings(network.path("Options"), List.of("com.docker.network.driver.overlay.vxlanid_list"));
        putIfAny(out, "driver_opts", options);
        if (network.path("Attachable").asBoolean(false)) {
            out.put("attachable", true);
        }
        if (network.path("Internal").asBoolean(false)) {
            out.put("internal", true);
        }
        putIfAny(out, "labels", Writer.strings(network.path("Labels"), List.of(StackScope.NAMESPACE_LABEL)));
        return out;
    }

    private static void putIfAny(Map<String, Object> map, String key, Map<String, Object> value) {
        if (!value.isEmpty()) {
            map.put(key, value);
        }
    }

    /** Reads one spec, field by field, each removed from a copy as it is written: what is left is what Compose cannot say. */
    private static final class Writer {

        private final ObjectNode left;
        private final String stack;
        private final Map<String, String> networkNames;
        private final List<String> warnings;
        final List<String> usedNetworks = new ArrayList<>();
        final Map<String, Object> volumes = new TreeMap<>();
        final Map<String, Object> secrets = new TreeMap<>();
        final Map<String, Object> configs = new TreeMap<>();
        boolean secretsAsParameters;

        Writer(JsonNode spec, String stack, Map<String, String> networkNames, List<String> warnings) {
            this.left = spec.deepCopy();
            this.stack = stack;
            this.networkNames = networkNames;
            this.warnings = warnings;
        }

        /** The file's key of a name: without the stack's prefix when it has it. */
        String key(String name) {
            return stack != null && name.startsWith(stack + "_") ? name.substring(stack.length() + 1) : name;
        }

        Map<String, Object> service() {
            String name = take("Name").asText();
            Map<String, Object> out = new LinkedHashMap<>();
            JsonNode labels = take("Labels");
            String image = take("TaskTemplate.ContainerSpec.Image").asText();
            out.put("image", labels.has(ComposeTranslator.IMAGE_LABEL) ? labels.path(ComposeTranslator.IMAGE_LABEL).asText() : image);
            putList(out, "entrypoint", take("TaskTemplate.ContainerSpec.Command"));
            putList(out, "command", take("TaskTemplate.ContainerSpec.Args"));
            environment(out, take("TaskTemplate.ContainerSpec.Env"));
            putIfAny(out, "labels", strings(take("TaskTemplate.ContainerSpec.Labels"), List.of(StackScope.NAMESPACE_LABEL)));
            putText(out, "hostname", take("TaskTemplate.ContainerSpec.Hostname"));
            putText(out, "user", take("TaskTemplate.ContainerSpec.User"));
            putText(out, "working_dir", take("TaskTemplate.ContainerSpec.Dir"));
            JsonNode grace = take("TaskTemplate.ContainerSpec.StopGracePeriod");
            if (grace.isNumber()) {
                out.put("stop_grace_period", duration(grace.asLong()));
            }
            putText(out, "stop_signal", take("TaskTemplate.ContainerSpec.StopSignal"));
            putFlag(out, "tty", take("TaskTemplate.ContainerSpec.TTY"));
            putFlag(out, "stdin_open", take("TaskTemplate.ContainerSpec.OpenStdin"));
            putFlag(out, "read_only", take("TaskTemplate.ContainerSpec.ReadOnly"));
            JsonNode init = take("TaskTemplate.ContainerSpec.Init");
            if (init.isBoolean()) {
                out.put("init", init.asBoolean());
            }
            putList(out, "cap_add", take("TaskTemplate.ContainerSpec.CapabilityAdd"));
            putList(out, "cap_drop", take("TaskTemplate.ContainerSpec.CapabilityDrop"));
            List<Object> hosts = new ArrayList<>();
            take("TaskTemplate.ContainerSpec.Hosts").forEach(h -> {
                String[] parts = h.asText().trim().split("\\s+", 2);
                hosts.add(escaped(parts.length == 2 ? parts[1] + ":" + parts[0] : parts[0]));
            });
            if (!hosts.isEmpty()) {
                out.put("extra_hosts", hosts);
            }
            putList(out, "dns", take("TaskTemplate.ContainerSpec.DNSConfig.Nameservers"));
            putList(out, "dns_search", take("TaskTemplate.ContainerSpec.DNSConfig.Search"));
            putIfAny(out, "sysctls", strings(take("TaskTemplate.ContainerSpec.Sysctls"), List.of()));
            ulimits(out, take("TaskTemplate.ContainerSpec.Ulimits"));
            healthcheck(out, take("TaskTemplate.ContainerSpec.Healthcheck"));
            mounts(out, take("TaskTemplate.ContainerSpec.Mounts"));
            files(out, "secrets", take("TaskTemplate.ContainerSpec.Secrets"), "SecretName", "SecretID", secrets);
            files(out, "configs", take("TaskTemplate.ContainerSpec.Configs"), "ConfigName", "ConfigID", configs);
            JsonNode logDriver = take("TaskTemplate.LogDriver");
            if (logDriver.isObject()) {
                Map<String, Object> logging = new LinkedHashMap<>();
                putText(logging, "driver", logDriver.path("Name"));
                putIfAny(logging, "options", strings(logDriver.path("Options"), List.of()));
                out.put("logging", logging);
            }
            networks(out, name, take("TaskTemplate.Networks"));
            take("Networks"); // the deprecated place: the Engine copies it into the task template
            ports(out, take("EndpointSpec.Ports"));

            Map<String, Object> deploy = new LinkedHashMap<>();
            mode(deploy, take("Mode"));
            putIfAny(deploy, "labels", strings(labels, List.of(StackScope.NAMESPACE_LABEL, ComposeTranslator.IMAGE_LABEL)));
            placement(deploy, take("TaskTemplate.Placement"));
            update(deploy, "update_config", take("UpdateConfig"));
            update(deploy, "rollback_config", take("RollbackConfig"));
            restart(deploy, take("TaskTemplate.RestartPolicy"));
            resources(deploy, take("TaskTemplate.Resources"));
            String endpointMode = take("EndpointSpec.Mode").asText("vip");
            if (!endpointMode.equals("vip")) {
                deploy.put("endpoint_mode", endpointMode);
            }
            putIfAny(out, "deploy", deploy);
            take("TaskTemplate.ForceUpdate"); // a counter of forced updates, not a setting
            take("TaskTemplate.ContainerSpec.Isolation").asText(); // "default" on Linux
            take("TaskTemplate.Runtime");
            reportLeft(name);
            return out;
        }

        private void environment(Map<String, Object> out, JsonNode env) {
            List<Object> variables = new ArrayList<>();
            for (JsonNode variable : env) {
                String text = variable.asText();
                int at = text.indexOf('=');
                String name = at < 0 ? text : text.substring(0, at);
                if (secretsAsParameters && at >= 0 && dev.swarmmanager.domain.SecretNames.looksSecret(name)
                        && name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    variables.add(escaped(name) + "=${" + name + ":?give " + name + ": its value is not kept}");
                } else {
                    variables.add(escaped(text));
                }
            }
            if (!variables.isEmpty()) {
                out.put("environment", variables);
            }
        }

        private void mode(Map<String, Object> deploy, JsonNode mode) {
            if (mode.has("Global")) {
                deploy.put("mode", "global");
            } else if (mode.path("Replicated").has("Replicas")) {
                deploy.put("replicas", mode.path("Replicated").path("Replicas").asLong());
            } else if (!mode.isMissingNode() && !mode.has("Replicated")) {
                warnings.add(key(left.path("Name").asText("service")) + ": its mode " + mode.fieldNames().next()
                        + " (a job) has no Compose equivalent; the file makes it a replicated service");
            }
        }

        private void placement(Map<String, Object> deploy, JsonNode placement) {
            Map<String, Object> out = new LinkedHashMap<>();
            putList(out, "constraints", placement.path("Constraints"));
            List<Object> preferences = new ArrayList<>();
            placement.path("Preferences").forEach(p -> preferences.add(Map.of("spread", escaped(p.path("Spread").path("SpreadDescriptor").asText()))));
            if (!preferences.isEmpty()) {
                out.put("preferences", preferences);
            }
            if (placement.path("MaxReplicas").asLong(0) > 0) {
                out.put("max_replicas_per_node", placement.path("MaxReplicas").asLong());
            }
            if (placement.has("Platforms")) {
                warnings.add("placement platforms are not written: the Engine sets them from the image");
            }
            putIfAny(deploy, "placement", out);
        }

        private void update(Map<String, Object> deploy, String key, JsonNode config) {
            if (!config.isObject()) {
                return;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            if (config.has("Parallelism")) {
                out.put("parallelism", config.path("Parallelism").asLong());
            }
            if (config.has("Delay")) {
                out.put("delay", duration(config.path("Delay").asLong()));
            }
            putText(out, "failure_action", config.path("FailureAction"));
            if (config.has("Monitor")) {
                out.put("monitor", duration(config.path("Monitor").asLong()));
            }
            if (config.has("MaxFailureRatio")) {
                out.put("max_failure_ratio", config.path("MaxFailureRatio").asDouble());
            }
            putText(out, "order", config.path("Order"));
            deploy.put(key, out);
        }

        private void restart(Map<String, Object> deploy, JsonNode policy) {
            if (!policy.isObject()) {
                return;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            putText(out, "condition", policy.path("Condition"));
            if (policy.has("Delay")) {
                out.put("delay", duration(policy.path("Delay").asLong()));
            }
            if (policy.has("MaxAttempts")) {
                out.put("max_attempts", policy.path("MaxAttempts").asLong());
            }
            if (policy.has("Window")) {
                out.put("window", duration(policy.path("Window").asLong()));
            }
            deploy.put("restart_policy", out);
        }

        private void resources(Map<String, Object> deploy, JsonNode resources) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String kind : List.of("Limits", "Reservations")) {
                JsonNode r = resources.path(kind);
                Map<String, Object> values = new LinkedHashMap<>();
                if (r.path("NanoCPUs").asLong(0) > 0) {
                    values.put("cpus", BigDecimal.valueOf(r.path("NanoCPUs").asLong(), 9).stripTrailingZeros().toPlainString());
                }
                if (r.path("MemoryBytes").asLong(0) > 0) {
                    values.put("memory", r.path("MemoryBytes").asLong());
                }
                if (r.path("Pids").asLong(0) > 0) {
                    values.put("pids", r.path("Pids").asLong());
                }
                if (r.has("GenericResources")) {
                    warnings.add("generic resources (" + kind.toLowerCase() + ") have no Compose equivalent and are not in the file");
                }
                if (r.isObject()) {
                    out.put(kind.toLowerCase(), values);
                }
            }
            putIfAny(deploy, "resources", out);
        }

        private void ulimits(Map<String, Object> out, JsonNode ulimits) {
            Map<String, Object> limits = new LinkedHashMap<>();
            ulimits.forEach(u -> limits.put(u.path("Name").asText(), Map.of("soft", u.path("Soft").asLong(), "hard", u.path("Hard").asLong())));
            putIfAny(out, "ulimits", limits);
        }

        private void healthcheck(Map<String, Object> out, JsonNode health) {
            if (!health.isObject()) {
                return;
            }
            Map<String, Object> check = new LinkedHashMap<>();
            JsonNode test = health.path("Test");
            if (test.size() == 1 && test.get(0).asText().equals("NONE")) {
                check.put("disable", true);
            } else if (test.isArray() && test.size() > 0) {
                check.put("test", list(test));
            }
            for (String field : List.of("Interval", "Timeout", "StartPeriod")) {
                if (health.has(field)) {
                    check.put(field.equals("StartPeriod") ? "start_period" : field.toLowerCase(), duration(health.path(field).asLong()));
                }
            }
            if (health.has("Retries")) {
                check.put("retries", health.path("Retries").asLong());
            }
            if (health.has("StartInterval")) {
                warnings.add("healthcheck start_interval is not written: the translation does not support it yet");
            }
            out.put("healthcheck", check);
        }

        private void mounts(Map<String, Object> out, JsonNode mounts) {
            List<Object> written = new ArrayList<>();
            for (JsonNode mount : mounts) {
                Map<String, Object> m = new LinkedHashMap<>();
                String type = mount.path("Type").asText("volume");
                m.put("type", type);
                String source = mount.path("Source").asText("");
                if (!source.isEmpty()) {
                    m.put("source", escaped(type.equals("volume") ? volumeKey(source, mount.path("VolumeOptions")) : source));
                }
                m.put("target", escaped(mount.path("Target").asText()));
                if (mount.path("ReadOnly").asBoolean(false)) {
                    m.put("read_only", true);
                }
                if (mount.path("VolumeOptions").path("NoCopy").asBoolean(false)) {
                    m.put("volume", Map.of("nocopy", true));
                }
                if (mount.path("BindOptions").has("Propagation")) {
                    m.put("bind", Map.of("propagation", mount.path("BindOptions").path("Propagation").asText()));
                }
                if (mount.path("TmpfsOptions").has("SizeBytes")) {
                    m.put("tmpfs", Map.of("size", mount.path("TmpfsOptions").path("SizeBytes").asLong()));
                }
                written.add(m);
            }
            if (!written.isEmpty()) {
                out.put("volumes", written);
            }
        }

        /** A stack's own volume under its key, with its settings at the top level; any other by its name, external. */
        private String volumeKey(String source, JsonNode options) {
            if (stack == null) {
                return source;
            }
            boolean own = stack.equals(options.path("Labels").path(StackScope.NAMESPACE_LABEL).asText(null));
            String volumeKey = own ? key(source) : source.replaceAll("[^a-zA-Z0-9_.-]", "_");
            Map<String, Object> definition = new LinkedHashMap<>();
            if (own) {
                if (!source.equals(stack + "_" + volumeKey)) {
                    definition.put("name", escaped(source));
                }
                JsonNode driver = options.path("DriverConfig");
                putText(definition, "driver", driver.path("Name"));
                putIfAny(definition, "driver_opts", strings(driver.path("Options"), List.of()));
                putIfAny(definition, "labels", strings(options.path("Labels"), List.of(StackScope.NAMESPACE_LABEL)));
            } else {
                definition.put("external", true);
                definition.put("name", escaped(source));
            }
            volumes.put(volumeKey, definition);
            return volumeKey;
        }

        private void files(Map<String, Object> out, String key, JsonNode references, String nameField, String idField,
                           Map<String, Object> topLevel) {
            List<Object> written = new ArrayList<>();
            for (JsonNode reference : references) {
                String name = reference.path(nameField).asText();
                String fileKey = stack == null ? name : key(name);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("source", escaped(fileKey));
                JsonNode file = reference.path("File");
                putText(r, "target", file.path("Name"));
                putText(r, "uid", file.path("UID"));
                putText(r, "gid", file.path("GID"));
                if (file.has("Mode")) {
                    r.put("mode", "0" + Integer.toOctalString(file.path("Mode").asInt()));
                }
                written.add(r);
                if (stack != null) {
                    // by name, never the content: the export names the secret or config the file was deployed with
                    Map<String, Object> definition = new LinkedHashMap<>();
                    definition.put("external", true);
                    definition.put("name", escaped(name));
                    topLevel.put(fileKey, definition);
                }
            }
            if (!written.isEmpty()) {
                out.put(key, written);
            }
        }

        private void networks(Map<String, Object> out, String serviceName, JsonNode attachments) {
            Map<String, Object> written = new LinkedHashMap<>();
            boolean aliased = false;
            for (JsonNode attachment : attachments) {
                String id = attachment.path("Target").asText();
                usedNetworks.add(id);
                String name = key(networkNames.getOrDefault(id, id));
                List<Object> aliases = new ArrayList<>();
                attachment.path("Aliases").forEach(a -> {
                    if (!a.asText().equals(key(serviceName))) { // the stack gives every service its key as an alias
                        aliases.add(escaped(a.asText()));
                    }
                });
                aliased |= !aliases.isEmpty();
                written.put(name, aliases.isEmpty() ? null : Map.of("aliases", aliases));
            }
            if (written.isEmpty()) {
                return;
            }
            if (!aliased) {
                out.put("networks", new ArrayList<>(written.keySet()));
            } else {
                Map<String, Object> map = new LinkedHashMap<>();
                written.forEach((k, v) -> map.put(k, v == null ? new LinkedHashMap<>() : v));
                out.put("networks", map);
            }
        }

        private void ports(Map<String, Object> out, JsonNode ports) {
            List<Object> written = new ArrayList<>();
            for (JsonNode port : ports) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("target", port.path("TargetPort").asInt());
                if (port.has("PublishedPort") && port.path("PublishedPort").asInt() > 0) {
                    p.put("published", port.path("PublishedPort").asInt());
                }
                p.put("protocol", port.path("Protocol").asText("tcp"));
                p.put("mode", port.path("PublishMode").asText("ingress"));
                written.add(p);
            }
            if (!written.isEmpty()) {
                out.put("ports", written);
            }
        }

        /** Takes the field at a dotted path out of what is left; a missing node when absent. */
        private JsonNode take(String path) {
            String[] parts = path.split("\\.");
            JsonNode parent = left;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.path(parts[i]);
            }
            if (!(parent instanceof ObjectNode object) || !object.has(parts[parts.length - 1])) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            return object.remove(parts[parts.length - 1]);
        }

        /** Whatever the spec still holds (not empty, not a default) has no place in Compose: it is named in a warning. */
        private void reportLeft(String name) {
            List<String> paths = new ArrayList<>();
            collect(left, "", paths);
            if (!paths.isEmpty()) {
                warnings.add(key(name) + ": " + String.join(", ", paths) + " cannot be written in Compose and are not in the file");
            }
        }

        private static void collect(JsonNode node, String path, List<String> paths) {
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), paths);
                }
            } else if (!(node.isArray() && node.isEmpty()) && !node.isNull() && !node.isMissingNode()) {
                paths.add(path);
            }
        }

        private static void putText(Map<String, Object> out, String key, JsonNode value) {
            if (value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
                out.put(key, escaped(value.asText()));
            }
        }

        private static void putFlag(Map<String, Object> out, String key, JsonNode value) {
            if (value.asBoolean(false)) {
                out.put(key, true);
            }
        }

        private static void putList(Map<String, Object> out, String key, JsonNode values) {
            if (values.isArray() && !values.isEmpty()) {
                out.put(key, list(values));
            }
        }

        private static List<Object> list(JsonNode values) {
            List<Object> list = new ArrayList<>();
            values.forEach(v -> list.add(escaped(v.asText())));
            return list;
        }

        static Map<String, Object> strings(JsonNode object, List<String> except) {
            Map<String, Object> out = new TreeMap<>();
            object.fields().forEachRemaining(e -> {
                if (!except.contains(e.getKey())) {
                    out.put(e.getKey(), escaped(e.getValue().asText()));
                }
            });
            return out;
        }

        /** A value as the file must hold it to come back as it is: Compose's interpolation reads {@code $$} as {@code $}. */
        static String escaped(String value) {
            return value.replace("$", "$$");
        }

        /** Nanoseconds as the shortest exact Compose duration. */
        static String duration(long nanos) {
            if (nanos % 1_000_000_000L == 0) {
                return nanos / 1_000_000_000L + "s";
            }
            if (nanos % 1_000_000L == 0) {
                return nanos / 1_000_000L + "ms";
            }
            if (nanos % 1_000L == 0) {
                return nanos / 1_000L + "us";
            }
            return nanos + "ns";
        }
    }
}
