package dev.swarmmanager.stacks.control;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.services.control.ImageReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Translates a loaded Compose file into the Engine's specs exactly as the docker CLI's stack deploy does
 * (names {@code <stack>_<key>}, the namespace label on every object, the {@code com.docker.stack.image} label,
 * the service's name as a network alias), so that the CLI and we can each manage what the other deployed.
 * Pure: it reads nothing but the file and the files it was given.
 */
public final class ComposeTranslator {

    public static final String NAMESPACE_LABEL = "com.docker.stack.namespace";
    public static final String IMAGE_LABEL = "com.docker.stack.image";
    static final String DEFAULT_NETWORK = "default";

    /** Service keys we translate. */
    static final Set<String> SERVICE_KEYS = Set.of("image", "command", "entrypoint", "environment", "labels", "deploy",
            "ports", "healthcheck", "stop_grace_period", "stop_signal", "networks", "secrets", "configs", "hostname",
            "user", "working_dir", "init", "tty", "read_only", "extra_hosts", "dns", "dns_search", "cap_add", "cap_drop",
            "sysctls", "stdin_open", "restart", "logging", "ulimits");

    /** Service keys of the Compose schema that Swarm services cannot honour: reported as warnings. */
    static final Set<String> IGNORED_SERVICE_KEYS = Set.of("build", "container_name", "depends_on", "links",
            "external_links", "volumes", "env_file", "privileged", "devices", "network_mode", "pid", "ipc",
            "security_opt", "shm_size", "tmpfs", "userns_mode", "cgroup_parent", "domainname", "mac_address", "expose",
            "isolation", "credential_spec", "oom_score_adj", "platform", "profiles", "pull_policy", "runtime",
            "storage_opt", "cpu_count", "cpu_percent", "cpu_shares", "cpu_quota", "cpu_period", "cpus", "cpuset",
            "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness", "oom_kill_disable", "group_add", "scale",
            "blkio_config", "device_cgroup_rules", "init_path", "stop_timeout", "volumes_from", "working_directory");

    static final Set<String> DEPLOY_KEYS = Set.of("mode", "replicas", "labels", "placement", "update_config",
            "rollback_config", "restart_policy", "resources", "endpoint_mode");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String namespace;
    private final Map<String, String> files;
    private final List<String> warnings;
    private final Map<String, String> paths = new HashMap<>();

    private ComposeTranslator(String namespace, Map<String, String> files, List<String> warnings) {
        this.namespace = namespace;
        this.files = files;
        this.warnings = warnings;
    }

    /**
     * @param files file contents by the path the Compose file writes ({@code ./db_password.txt})
     * @param warnings holds the loader's warnings already; this adds its own
     */
    public static StackPlan translate(String stack, ComposeNode root, Map<String, String> files, List<String> warnings) {
        StackNames.validateStack(stack);
        return new ComposeTranslator(stack, files, warnings).plan(root);
    }

    private String scope(String key) {
        return namespace + "_" + key;
    }

    private StackPlan plan(ComposeNode root) {
        if (!root.get("volumes").isMissing()) {
            warnings.add("volumes: named volumes are not created by Swarm Manager; create them on the nodes");
        }
        Map<String, ObjectNode> secrets = new TreeMap<>();
        List<String> externalSecrets = new ArrayList<>();
        Map<String, String> secretNames = fileObjects(root.get("secrets"), "secret", secrets, externalSecrets);
        Map<String, ObjectNode> configs = new TreeMap<>();
        List<String> externalConfigs = new ArrayList<>();
        Map<String, String> configNames = fileObjects(root.get("configs"), "config", configs, externalConfigs);

        Map<String, StackPlan.ServicePlan> services = new TreeMap<>();
        Set<String> usedNetworks = new TreeSet<>();
        for (String key : root.get("services").keys()) {
            StackNames.validateKey(key, "services");
            ComposeNode service = root.get("services").get(key);
            if (!service.isMap()) {
                throw service.invalid("must be a mapping");
            }
            String name = scope(key);
            StackNames.validateObjectName(name, service.path());
            paths.put(StackPlan.key("service", name), service.path());
            services.put(name, service(key, service, root.get("networks"), secretNames, configNames, usedNetworks));
        }

        Map<String, ObjectNode> networks = new TreeMap<>();
        List<String> externalNetworks = new ArrayList<>();
        for (String key : usedNetworks) {
            ComposeNode network = root.get("networks").get(key);
            if (isExternal(network)) {
                externalNetworks.add(externalName(network, key));
                paths.put(StackPlan.key("network", externalName(network, key)), "networks." + key);
                continue;
            }
            String name = network.get("name").isMissing() ? scope(key) : network.get("name").requiredString();
            paths.put(StackPlan.key("network", name), "networks." + key);
            networks.put(name, networkSpec(name, network));
        }
        return new StackPlan(namespace, networks, externalNetworks, secrets, externalSecrets, configs, externalConfigs,
                services, warnings, paths);
    }

    private StackPlan.ServicePlan service(String key, ComposeNode service, ComposeNode networkConfigs,
                                          Map<String, String> secretNames, Map<String, String> configNames,
                                          Set<String> usedNetworks) {
        for (String field : service.keys()) {
            if (IGNORED_SERVICE_KEYS.contains(field)) {
                warnings.add(service.path() + "." + field + " is not supported for Swarm services and was ignored");
            } else if (!SERVICE_KEYS.contains(field) && !field.startsWith("x-")) {
                throw service.get(field).invalid("is not a Compose service key");
            }
        }
        String image = service.get("image").requiredString();
        try {
            image = ImageReference.validate(image);
        } catch (InvalidRequestException e) {
            throw service.get("image").invalid(e.getMessage().replaceFirst("^image ", ""));
        }
        ComposeNode deploy = service.get("deploy");
        for (String field : deploy.keys()) {
            if (!DEPLOY_KEYS.contains(field)) {
                warnings.add(deploy.path() + "." + field + " is not supported and was ignored");
            }
        }

        ObjectNode spec = JSON.createObjectNode();
        spec.put("Name", scope(key));
        ObjectNode labels = labels(deploy.get("labels"));
        labels.put(IMAGE_LABEL, image);
        spec.set("Labels", labels);

        ObjectNode task = spec.putObject("TaskTemplate");
        ObjectNode container = task.putObject("ContainerSpec");
        container.put("Image", image);
        putStrings(container, "Command", ComposeValues.shellWords(service.get("entrypoint")));
        putStrings(container, "Args", ComposeValues.shellWords(service.get("command")));
        putStrings(container, "Env", environment(service.get("environment")));
        container.set("Labels", labels(service.get("labels")));
        putText(container, "Hostname", service.get("hostname").string());
        putText(container, "User", service.get("user").string());
        putText(container, "Dir", service.get("working_dir").string());
        putLong(container, "StopGracePeriod", ComposeValues.durationNanos(service.get("stop_grace_period")));
        putText(container, "StopSignal", service.get("stop_signal").string());
        putBool(container, "TTY", service.get("tty").bool());
        putBool(container, "OpenStdin", service.get("stdin_open").bool());
        putBool(container, "ReadOnly", service.get("read_only").bool());
        putBool(container, "Init", service.get("init").bool());
        putStrings(container, "CapabilityAdd", service.get("cap_add").isMissing() ? null : service.get("cap_add").strings());
        putStrings(container, "CapabilityDrop", service.get("cap_drop").isMissing() ? null : service.get("cap_drop").strings());
        Map<String, String> hosts = service.get("extra_hosts").keyValues(':');
        if (!hosts.isEmpty()) {
            ArrayNode h = container.putArray("Hosts");
            hosts.forEach((host, ip) -> h.add(ip + " " + host));
        }
        List<String> dns = service.get("dns").stringOrList();
        List<String> search = service.get("dns_search").stringOrList();
        if (dns != null || search != null) {
            ObjectNode dnsConfig = container.putObject("DNSConfig");
            putStrings(dnsConfig, "Nameservers", dns);
            putStrings(dnsConfig, "Search", search);
        }
        Map<String, String> sysctls = service.get("sysctls").keyValues('=');
        if (!sysctls.isEmpty()) {
            ObjectNode s = container.putObject("Sysctls");
            sysctls.forEach(s::put);
        }
        ulimits(service.get("ulimits"), container);
        healthcheck(service.get("healthcheck"), container);
        references(service.get("secrets"), secretNames, "secret", "Secrets", "SecretName", container);
        references(service.get("configs"), configNames, "config", "Configs", "ConfigName", container);

        resources(deploy.get("resources"), task);
        restartPolicy(service.get("restart"), deploy.get("restart_policy"), task);
        placement(deploy.get("placement"), task);
        logging(service.get("logging"), task);
        task.set("Networks", networks(key, service.get("networks"), networkConfigs, usedNetworks));

        boolean replicasSet = mode(deploy, spec);
        updateConfig(deploy.get("update_config"), spec, "UpdateConfig");
        updateConfig(deploy.get("rollback_config"), spec, "RollbackConfig");
        endpoint(deploy.get("endpoint_mode"), service.get("ports"), spec);
        return new StackPlan.ServicePlan(spec, replicasSet);
    }

    private ObjectNode labels(ComposeNode node) {
        ObjectNode labels = JSON.createObjectNode();
        new TreeMap<>(node.keyValues('=')).forEach((k, v) -> labels.put(k, v == null ? "" : v));
        labels.put(NAMESPACE_LABEL, namespace);
        return labels;
    }

    /** Sorted, as the CLI sorts it: reordering a file must not restart a service. */
    private static List<String> environment(ComposeNode node) {
        if (node.isMissing()) {
            return null;
        }
        List<String> env = new ArrayList<>();
        node.keyValues('=').forEach((k, v) -> env.add(v == null ? k : k + "=" + v));
        env.sort(Comparator.naturalOrder());
        return env;
    }

    private boolean mode(ComposeNode deploy, ObjectNode spec) {
        String mode = deploy.get("mode").isMissing() ? "replicated" : deploy.get("mode").string();
        Long replicas = deploy.get("replicas").nonNegative();
        ObjectNode modeNode = spec.putObject("Mode");
        switch (mode) {
            case "replicated" -> modeNode.putObject("Replicated").put("Replicas", replicas == null ? 1 : replicas);
            case "global" -> {
                if (replicas != null) {
                    throw deploy.get("replicas").invalid("cannot be set for a global service");
                }
                modeNode.putObject("Global");
            }
            default -> throw deploy.get("mode").invalid("must be replicated or global (got '" + mode + "')");
        }
        return replicas != null;
    }

    private static void healthcheck(ComposeNode node, ObjectNode container) {
        if (node.isMissing()) {
            return;
        }
        ObjectNode health = container.putObject("Healthcheck");
        if (Boolean.TRUE.equals(node.get("disable").bool())) {
            if (!node.get("test").isMissing()) {
                throw node.get("test").invalid("cannot be set together with disable");
            }
            health.putArray("Test").add("NONE");
            return;
        }
        ComposeNode test = node.get("test");
        if (test.isList()) {
            putStrings(health, "Test", test.strings());
        } else if (!test.isMissing()) {
            health.putArray("Test").add("CMD-SHELL").add(test.string());
        }
        putLong(health, "Interval", ComposeValues.durationNanos(node.get("interval")));
        putLong(health, "Timeout", ComposeValues.durationNanos(node.get("timeout")));
        putLong(health, "StartPeriod", ComposeValues.durationNanos(node.get("start_period")));
        putLong(health, "Retries", node.get("retries").nonNegative());
    }

    private static void ulimits(ComposeNode node, ObjectNode container) {
        if (node.isMissing()) {
            return;
        }
        ArrayNode limits = container.putArray("Ulimits");
        for (String name : node.keys()) {
            ComposeNode limit = node.get(name);
            long soft;
            long hard;
            if (limit.isMap()) {
                soft = required(limit.get("soft"));
                hard = required(limit.get("hard"));
            } else {
                soft = hard = required(limit);
            }
            limits.addObject().put("Name", name).put("Soft", soft).put("Hard", hard);
        }
    }

    private static long required(ComposeNode number) {
        Long value = number.longValue();
        if (value == null) {
            throw number.invalid("is required");
        }
        return value;
    }

    private void references(ComposeNode node, Map<String, String> defined, String kind, String field, String nameField,
                            ObjectNode container) {
        if (node.isMissing()) {
            return;
        }
        List<ObjectNode> refs = new ArrayList<>();
        for (ComposeNode item : node.items()) {
            String source = item.isMap() ? item.get("source").requiredString() : item.requiredString();
            String name = defined.get(source);
            if (name == null) {
                throw item.invalid("refers to " + kind + " '" + source + "', which the file's top-level " + kind
                        + "s do not define");
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

    private static int fileMode(ComposeNode mode) {
        if (mode.value() instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(mode.string().trim(), 8);
        } catch (NumberFormatException e) {
            throw mode.invalid("must be an octal file mode such as 0440 (got '" + mode.value() + "')");
        }
    }

    private static void resources(ComposeNode node, ObjectNode task) {
        if (node.isMissing()) {
            return;
        }
        ObjectNode resources = task.putObject("Resources");
        for (String kind : List.of("limits", "reservations")) {
            ComposeNode n = node.get(kind);
            if (n.isMissing()) {
                continue;
            }
            ObjectNode target = resources.putObject(kind.equals("limits") ? "Limits" : "Reservations");
            putLong(target, "NanoCPUs", ComposeValues.nanoCpus(n.get("cpus")));
            putLong(target, "MemoryBytes", ComposeValues.bytes(n.get("memory")));
            if (kind.equals("limits")) {
                putLong(target, "Pids", n.get("pids").nonNegative());
            }
        }
    }

    private void restartPolicy(ComposeNode legacy, ComposeNode node, ObjectNode task) {
        if (node.isMissing()) {
            if (legacy.isMissing()) {
                return;
            }
            String restart = legacy.string().trim();
            ObjectNode policy = task.putObject("RestartPolicy");
            if (restart.equals("no")) {
                policy.put("Condition", "none");
            } else if (restart.equals("always") || restart.equals("unless-stopped")) {
                policy.put("Condition", "any");
            } else if (restart.matches("on-failure(:\\d+)?")) {
                policy.put("Condition", "on-failure");
                if (restart.contains(":")) {
                    policy.put("MaxAttempts", Long.parseLong(restart.substring(restart.indexOf(':') + 1)));
                }
            } else {
                throw legacy.invalid("must be no, always, unless-stopped or on-failure[:N] (got '" + restart + "')");
            }
            return;
        }
        ObjectNode policy = task.putObject("RestartPolicy");
        String condition = node.get("condition").string();
        if (condition != null) {
            if (!List.of("none", "on-failure", "any").contains(condition)) {
                throw node.get("condition").invalid("must be none, on-failure or any (got '" + condition + "')");
            }
            policy.put("Condition", condition);
        }
        putLong(policy, "Delay", ComposeValues.durationNanos(node.get("delay")));
        putLong(policy, "MaxAttempts", node.get("max_attempts").nonNegative());
        putLong(policy, "Window", ComposeValues.durationNanos(node.get("window")));
    }

    private static void placement(ComposeNode node, ObjectNode task) {
        ObjectNode placement = task.putObject("Placement");
        if (node.isMissing()) {
            return;
        }
        putStrings(placement, "Constraints", node.get("constraints").isMissing() ? null : node.get("constraints").strings());
        if (!node.get("preferences").isMissing()) {
            ArrayNode preferences = placement.putArray("Preferences");
            for (ComposeNode preference : node.get("preferences").items()) {
                preferences.addObject().putObject("Spread").put("SpreadDescriptor", preference.get("spread").requiredString());
            }
        }
        putLong(placement, "MaxReplicas", node.get("max_replicas_per_node").nonNegative());
    }

    private static void logging(ComposeNode node, ObjectNode task) {
        if (node.isMissing()) {
            return;
        }
        ObjectNode driver = task.putObject("LogDriver");
        driver.put("Name", node.get("driver").requiredString());
        Map<String, String> options = node.get("options").keyValues('=');
        if (!options.isEmpty()) {
            ObjectNode o = driver.putObject("Options");
            options.forEach(o::put);
        }
    }

    private ArrayNode networks(String serviceKey, ComposeNode node, ComposeNode configs, Set<String> used) {
        Map<String, ComposeNode> attached = new LinkedHashMap<>();
        if (node.isMissing()) {
            attached.put(DEFAULT_NETWORK, new ComposeNode(node.path(), null));
        } else if (node.isList()) {
            for (ComposeNode item : node.items()) {
                attached.put(item.requiredString(), new ComposeNode(item.path(), null));
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
                throw entry.getValue().invalid("refers to network '" + key + "', which the file's top-level networks do not define");
            }
            used.add(key);
            String target = isExternal(config) ? externalName(config, key)
                    : config.get("name").isMissing() ? scope(key) : config.get("name").requiredString();
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

    private ObjectNode networkSpec(String name, ComposeNode network) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("Name", name);
        spec.put("CheckDuplicate", true);
        spec.put("Driver", network.get("driver").isMissing() ? "overlay" : network.get("driver").string());
        spec.put("Scope", "swarm");
        spec.set("Labels", labels(network.get("labels")));
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

    /**
     * Top-level secrets or configs: the specs to create, by full name, and the full name of every key
     * (external ones included) for the services' references.
     */
    private Map<String, String> fileObjects(ComposeNode node, String kind, Map<String, ObjectNode> specs, List<String> external) {
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
            String name = object.get("name").isMissing() ? scope(key) : object.get("name").requiredString();
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
                    throw object.get("file").invalid("names '" + path + "', whose content was not sent with the request");
                }
            } else {
                throw object.invalid("needs a file, content, or external: true");
            }
            ObjectNode spec = JSON.createObjectNode();
            spec.put("Name", name);
            spec.set("Labels", labels(object.get("labels")));
            spec.put("Data", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
            specs.put(name, spec);
            names.put(key, name);
        }
        return names;
    }

    private String fileContent(String path) {
        String normalized = path.startsWith("./") ? path.substring(2) : path;
        for (var entry : files.entrySet()) {
            String key = entry.getKey().startsWith("./") ? entry.getKey().substring(2) : entry.getKey();
            if (key.equals(normalized)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean isExternal(ComposeNode node) {
        ComposeNode external = node.get("external");
        if (external.isMissing()) {
            return false;
        }
        return external.isMap() || Boolean.TRUE.equals(external.bool());
    }

    private static String externalName(ComposeNode node, String key) {
        if (!node.get("name").isMissing()) {
            return node.get("name").requiredString();
        }
        ComposeNode external = node.get("external");
        return external.isMap() && !external.get("name").isMissing() ? external.get("name").requiredString() : key;
    }

    private static void updateConfig(ComposeNode node, ObjectNode spec, String field) {
        if (node.isMissing()) {
            return;
        }
        ObjectNode config = spec.putObject(field);
        Long parallelism = node.get("parallelism").nonNegative();
        config.put("Parallelism", parallelism == null ? 1 : parallelism);
        putLong(config, "Delay", ComposeValues.durationNanos(node.get("delay")));
        String action = node.get("failure_action").string();
        if (action != null && !List.of("continue", "rollback", "pause").contains(action)) {
            throw node.get("failure_action").invalid("must be continue, rollback or pause (got '" + action + "')");
        }
        putText(config, "FailureAction", action);
        putLong(config, "Monitor", ComposeValues.durationNanos(node.get("monitor")));
        Double ratio = node.get("max_failure_ratio").doubleValue();
        if (ratio != null) {
            config.put("MaxFailureRatio", ratio);
        }
        String order = node.get("order").string();
        if (order != null && !List.of("stop-first", "start-first").contains(order)) {
            throw node.get("order").invalid("must be stop-first or start-first (got '" + order + "')");
        }
        putText(config, "Order", order);
    }

    private void endpoint(ComposeNode mode, ComposeNode ports, ObjectNode spec) {
        ObjectNode endpoint = spec.putObject("EndpointSpec");
        String m = mode.isMissing() ? "vip" : mode.string().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("vip", "dnsrr").contains(m)) {
            throw mode.invalid("must be vip or dnsrr (got '" + mode.value() + "')");
        }
        endpoint.put("Mode", m);
        List<ComposeValues.Port> all = new ArrayList<>();
        for (ComposeNode port : ports.items()) {
            all.addAll(ComposeValues.ports(port, warnings));
        }
        if (!all.isEmpty()) {
            ArrayNode p = endpoint.putArray("Ports");
            all.stream().sorted(Comparator.comparing(ComposeValues.Port::target).thenComparing(ComposeValues.Port::protocol))
                    .forEach(port -> {
                        ObjectNode n = p.addObject().put("Protocol", port.protocol()).put("TargetPort", port.target())
                                .put("PublishMode", port.mode());
                        if (port.published() != null) {
                            n.put("PublishedPort", port.published());
                        }
                    });
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putLong(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putBool(ObjectNode node, String field, Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putStrings(ObjectNode node, String field, List<String> values) {
        if (values != null) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }
}
