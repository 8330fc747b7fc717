package dev.swarmmanager.compose;

import static dev.swarmmanager.compose.Specs.JSON;
import static dev.swarmmanager.compose.Specs.putBool;
import static dev.swarmmanager.compose.Specs.putLong;
import static dev.swarmmanager.compose.Specs.putStrings;
import static dev.swarmmanager.compose.Specs.putText;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashMap;
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

    public static final String NAMESPACE_LABEL = StackScope.NAMESPACE_LABEL;
    public static final String IMAGE_LABEL = "com.docker.stack.image";

    /** Service keys we translate. */
    static final Set<String> SERVICE_KEYS = Set.of("image", "command", "entrypoint", "environment", "labels", "deploy",
            "ports", "healthcheck", "stop_grace_period", "stop_signal", "networks", "secrets", "configs", "hostname",
            "user", "working_dir", "init", "tty", "read_only", "extra_hosts", "dns", "dns_search", "cap_add", "cap_drop",
            "sysctls", "stdin_open", "restart", "logging", "ulimits", "volumes", "tmpfs", "env_file");

    /** Service keys of the Compose schema that Swarm services cannot honour: reported as warnings. */
    static final Set<String> IGNORED_SERVICE_KEYS = Set.of("build", "container_name", "depends_on", "links",
            "external_links", "privileged", "devices", "network_mode", "pid", "ipc",
            "security_opt", "shm_size", "userns_mode", "cgroup_parent", "domainname", "mac_address", "expose",
            "isolation", "credential_spec", "oom_score_adj", "platform", "profiles", "pull_policy", "runtime",
            "storage_opt", "cpu_count", "cpu_percent", "cpu_shares", "cpu_quota", "cpu_period", "cpus", "cpuset",
            "mem_limit", "mem_reservation", "memswap_limit", "mem_swappiness", "oom_kill_disable", "group_add", "scale",
            "blkio_config", "device_cgroup_rules", "init_path", "stop_timeout", "volumes_from", "working_directory");

    /** What a top-level volume may say; the Engine creates it on a node when a task there first mounts it. */
    static final Set<String> VOLUME_KEYS = Set.of("driver", "driver_opts", "labels", "external", "name");

    static final Set<String> DEPLOY_KEYS = Set.of("mode", "replicas", "labels", "placement", "update_config",
            "rollback_config", "restart_policy", "resources", "endpoint_mode");

    private final StackScope scope;
    private final List<String> warnings;
    private final Map<String, String> paths = new HashMap<>();
    private final StackObjects objects;
    private ServiceMounts mounts;

    private ComposeTranslator(StackScope scope, Map<String, String> files, List<String> warnings) {
        this.scope = scope;
        this.warnings = warnings;
        this.objects = new StackObjects(scope, files, warnings, paths);
    }

    /**
     * @param files file contents by the path the Compose file writes ({@code ./db_password.txt})
     * @param warnings holds the loader's warnings already; this adds its own
     */
    public static StackPlan translate(String stack, ComposeNode root, Map<String, String> files, List<String> warnings) {
        StackNames.validateStack(stack);
        return new ComposeTranslator(new StackScope(stack), files, warnings).plan(root);
    }

    /**
     * One service of its own, as {@code docker service create} makes it from the same settings: named {@code name},
     * without a stack's labels, joined to the existing networks it names and given the existing secrets and configs
     * of the names it gives (by name: the caller resolves their IDs), its named volumes the node's volumes of those
     * names. No files come with it, so an {@code env_file} cannot be read.
     *
     * @param service a Compose service, as {@link ComposeLoader#loadService} reads it
     */
    public static StackPlan.ServicePlan translateService(String name, ComposeNode service, List<String> warnings) {
        ServiceNames.validate(name);
        return translateEdited(name, service, warnings);
    }

    /** As {@link #translateService}, for a service that exists already under {@code name} (a stack's, say). */
    static StackPlan.ServicePlan translateEdited(String name, ComposeNode service, List<String> warnings) {
        for (ComposeNode labels : List.of(service.get("labels"), service.get("deploy").get("labels"))) {
            for (String key : labels.keyValues('=').keySet()) {
                if (key.startsWith("com.docker.stack.")) {
                    // The stack tooling's own: with it a service would pass for part of a stack (and its volumes for the stack's)
                    throw labels.invalid("compose.stack-label", StackNames.shown(key));
                }
            }
        }
        ComposeTranslator translator = new ComposeTranslator(StackScope.NONE, Map.of(), warnings);
        translator.mounts = new ServiceMounts(StackScope.NONE, new ComposeNode(service.document(), "volumes", null));
        return translator.service(name, service, new ComposeNode(service.document(), "networks", null), Map.of(), Map.of(),
                new TreeSet<>());
    }

    private StackPlan plan(ComposeNode root) {
        ComposeNode volumes = root.get("volumes");
        for (String key : volumes.keys()) {
            StackNames.validateKey(key, "volumes");
            for (String field : volumes.get(key).keys()) {
                if (!VOLUME_KEYS.contains(field) && !field.startsWith("x-")) {
                    warnings.add(volumes.get(key).path() + "." + field + " is not supported and was ignored");
                }
            }
        }
        mounts = new ServiceMounts(scope, volumes);
        Map<String, ObjectNode> secrets = new TreeMap<>();
        List<String> externalSecrets = new ArrayList<>();
        Map<String, String> secretNames = objects.fileObjects(root.get("secrets"), "secret", secrets, externalSecrets);
        Map<String, ObjectNode> configs = new TreeMap<>();
        List<String> externalConfigs = new ArrayList<>();
        Map<String, String> configNames = objects.fileObjects(root.get("configs"), "config", configs, externalConfigs);

        Map<String, StackPlan.ServicePlan> services = new TreeMap<>();
        Set<String> usedNetworks = new TreeSet<>();
        for (String key : root.get("services").keys()) {
            StackNames.validateKey(key, "services");
            ComposeNode service = root.get("services").get(key);
            if (!service.isMap()) {
                throw service.invalid("compose.mapping");
            }
            String name = scope.name(key);
            StackNames.validateObjectName(name, service.path());
            paths.put(StackPlan.key("service", name), service.path());
            services.put(name, service(key, service, root.get("networks"), secretNames, configNames, usedNetworks));
        }

        Map<String, ObjectNode> networks = new TreeMap<>();
        List<String> externalNetworks = new ArrayList<>();
        for (String key : usedNetworks) {
            ComposeNode network = root.get("networks").get(key);
            if (StackObjects.isExternal(network)) {
                externalNetworks.add(StackObjects.externalName(network, key));
                paths.put(StackPlan.key("network", StackObjects.externalName(network, key)), "networks." + key);
                continue;
            }
            String name = network.get("name").isMissing() ? scope.name(key) : network.get("name").requiredString();
            paths.put(StackPlan.key("network", name), "networks." + key);
            networks.put(name, objects.networkSpec(name, network));
        }
        return new StackPlan(scope.namespace(), networks, externalNetworks, secrets, externalSecrets, configs, externalConfigs,
                services, warnings, paths);
    }

    private StackPlan.ServicePlan service(String key, ComposeNode service, ComposeNode networkConfigs,
                                          Map<String, String> secretNames, Map<String, String> configNames,
                                          Set<String> usedNetworks) {
        for (String field : service.keys()) {
            if (IGNORED_SERVICE_KEYS.contains(field)) {
                warnings.add(service.path() + "." + field + " is not supported for Swarm services and was ignored");
            } else if (!SERVICE_KEYS.contains(field) && !field.startsWith("x-")) {
                throw service.get(field).invalid("compose.not-service-key");
            }
        }
        if (!service.isMap()) {
            throw service.invalid("compose.mapping");
        }
        String image = service.get("image").requiredString();
        try {
            image = ImageReference.validate(image);
        } catch (InvalidRequestException e) {
            throw service.get("image").invalid(e.problem());
        }
        ComposeNode deploy = service.get("deploy");
        for (String field : deploy.keys()) {
            if (!DEPLOY_KEYS.contains(field)) {
                warnings.add(deploy.path() + "." + field + " is not supported and was ignored");
            }
        }

        ObjectNode spec = JSON.createObjectNode();
        spec.put("Name", scope.name(key));
        ObjectNode labels = scope.labels(deploy.get("labels"));
        if (!scope.standalone()) {
            labels.put(IMAGE_LABEL, image);
        }
        spec.set("Labels", labels);

        ObjectNode task = spec.putObject("TaskTemplate");
        ObjectNode container = task.putObject("ContainerSpec");
        container.put("Image", ImageReference.withDefaultTag(image)); // the label keeps the image as the file writes it
        putStrings(container, "Command", ComposeValues.shellWords(service.get("entrypoint")));
        putStrings(container, "Args", ComposeValues.shellWords(service.get("command")));
        putStrings(container, "Env", TaskSettings.environment(objects.envFiles(service.get("env_file")), service.get("environment")));
        container.set("Labels", scope.labels(service.get("labels")));
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
        ArrayNode serviceMounts = mounts.mounts(service.get("volumes"), service.get("tmpfs"));
        if (serviceMounts != null) {
            container.set("Mounts", serviceMounts);
        }
        TaskSettings.ulimits(service.get("ulimits"), container);
        TaskSettings.healthcheck(service.get("healthcheck"), container);
        objects.references(service.get("secrets"), secretNames, "secret", "Secrets", "SecretName", container);
        objects.references(service.get("configs"), configNames, "config", "Configs", "ConfigName", container);

        TaskSettings.resources(deploy.get("resources"), task);
        TaskSettings.restartPolicy(service.get("restart"), deploy.get("restart_policy"), task);
        TaskSettings.placement(deploy.get("placement"), task);
        TaskSettings.logging(service.get("logging"), task);
        ArrayNode networks = objects.networks(key, service.get("networks"), networkConfigs, usedNetworks);
        if (!networks.isEmpty()) {
            task.set("Networks", networks);
        }

        boolean replicasSet = ServiceDeployment.mode(deploy, spec);
        ServiceDeployment.updateConfig(deploy.get("update_config"), spec, "UpdateConfig");
        ServiceDeployment.updateConfig(deploy.get("rollback_config"), spec, "RollbackConfig");
        ServiceDeployment.endpoint(deploy.get("endpoint_mode"), service.get("ports"), spec, warnings);
        return new StackPlan.ServicePlan(spec, replicasSet);
    }
}
