package dev.swarmmanager.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.PolicyRule;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ResourceNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the deployment policy, evaluated on what the Engine will be asked to store: a service's spec in the
 * Engine's own JSON, and the secrets, configs and networks a stack names. Pure: the caller's role and the lookups are
 * the boundary's business. Paths are reported in Compose terms ({@code services.worker.cap_add[0]}), which is how
 * users write what they deploy, whatever the route (stack file or API).
 */
public final class PolicyRules {

    public static final String CAPABILITIES = "capabilities";
    public static final String BIND_MOUNTS = "bind-mounts";
    public static final String SECURITY_OPTIONS = "security-options";
    public static final String RESERVED_PORTS = "reserved-ports";
    public static final String LOW_PORTS = "low-ports";
    public static final String HOST_MODE_PORTS = "host-mode-ports";
    public static final String REGISTRIES = "registries";
    public static final String MAX_REPLICAS = "max-replicas";
    public static final String LOG_DRIVERS = "log-drivers";
    public static final String NETWORK_DRIVERS = "network-drivers";
    public static final String MANAGER_PLACEMENT = "manager-placement";
    public static final String EXTERNAL_OBJECTS = "external-objects";
    public static final String FOREIGN_OBJECTS = "foreign-objects";
    public static final String PRUNE = "prune";
    public static final String PRIVILEGED_SERVICE = "privileged-service";

    /** Swarm's own ports: the managers' API, the gossip and the overlay data plane. Published, they break the Swarm. */
    static final Set<Integer> SWARM_PORTS = Set.of(2377, 7946, 4789);
    private static final Set<String> DOCKER_SOCKETS = Set.of("/var/run/docker.sock", "/run/docker.sock");
    // Swarm compares constraint keys and values without regard to case.
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(node\\.(?:role|hostname|id|ip))\\s*(==|!=)\\s*(\\S+)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_VALUE = 120;
    /** The label Docker's stack tooling marks a stack's objects with. */
    private static final String STACK_LABEL = "com.docker.stack.namespace";

    private final PolicySettings settings;

    public PolicyRules(PolicySettings settings) {
        this.settings = settings;
    }

    public PolicySettings settings() {
        return settings;
    }

    /**
     * Everything a service spec asks for that the policy does not allow.
     *
     * @param path     the service in Compose terms: {@code services.worker}
     * @param managers the IDs and hostnames of the manager nodes, to recognise placement on them by name
     */
    public List<PolicyViolation> service(String path, JsonNode spec, Set<String> managers) {
        List<PolicyViolation> found = privileges(path, spec);
        JsonNode task = spec.path("TaskTemplate");
        registry(path, task.path("ContainerSpec").path("Image").asText(null), found);
        ports(path, spec.path("EndpointSpec").path("Ports"), found);
        JsonNode replicas = spec.path("Mode").path("Replicated").path("Replicas");
        if (replicas.isNumber() && replicas.asLong() > settings.maxReplicas()) {
            found.add(new PolicyViolation(MAX_REPLICAS, path + ".deploy.replicas", replicas.asText(),
                    Phrase.of("policy.max-replicas", PolicySettings.MAX_REPLICAS, settings.maxReplicas()), false, null));
        }
        String logDriver = task.path("LogDriver").path("Name").asText("");
        if (!logDriver.isEmpty() && !settings.allowedLogDrivers().contains(logDriver)) {
            found.add(new PolicyViolation(LOG_DRIVERS, path + ".logging.driver", logDriver, Phrase.of("policy.log-driver",
                    PolicySettings.PREFIX + "allowed-log-drivers", String.join(",", settings.allowedLogDrivers())), true, null));
        }
        // A named volume not of this stack is one that exists already, made by someone else (an admin's volume of the
        // node's root, another stack's data): the Engine reuses it whatever the file says about it. A service outside
        // any stack has no volumes of its own in this sense: each of its named volumes is such a one.
        String stack = spec.path("Labels").path(STACK_LABEL).asText(null);
        JsonNode mounts = task.path("ContainerSpec").path("Mounts");
        for (int i = 0; i < mounts.size(); i++) {
            JsonNode mount = mounts.get(i);
            String source = mount.path("Source").asText("");
            if (mount.path("Type").asText("volume").equals("volume") && !source.isEmpty()
                    && (stack == null || !source.startsWith(stack + "_"))) {
                found.add(new PolicyViolation(EXTERNAL_OBJECTS, path + ".volumes[" + i + "]", "volume " + shorten(source),
                        Phrase.of(stack == null ? "policy.volume-no-stack" : "policy.volume-other-stack"), true, null));
            }
        }
        JsonNode constraints = task.path("Placement").path("Constraints");
        for (int i = 0; i < constraints.size(); i++) {
            String constraint = constraints.get(i).asText();
            if (placesOnManagers(constraint, managers)) {
                found.add(new PolicyViolation(MANAGER_PLACEMENT, path + ".deploy.placement.constraints[" + i + "]",
                        shorten(constraint), Phrase.of("policy.manager-placement"), true, null));
            }
        }
        return found;
    }

    /** An image, as an image update asks for it: only the registry rule applies to the image alone. */
    public List<PolicyViolation> image(String path, String image) {
        List<PolicyViolation> found = new ArrayList<>();
        registry(path, image, found);
        return found;
    }

    /**
     * What a spec holds that reaches beyond its container: added capabilities, host paths, relaxed security
     * profiles, as far as the policy would not let an operator add them. A service that holds any is changed by
     * admins only, since an image update would hand those privileges to another image.
     */
    public List<PolicyViolation> privileges(String path, JsonNode spec) {
        List<PolicyViolation> found = new ArrayList<>();
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        JsonNode caps = container.path("CapabilityAdd");
        for (int i = 0; i < caps.size(); i++) {
            String cap = Capabilities.canonical(caps.get(i).asText());
            if (cap.equals("ALL") || !settings.allowedCapabilities().contains(cap)) {
                found.add(new PolicyViolation(CAPABILITIES, path + ".cap_add[" + i + "]", shorten(caps.get(i).asText()),
                        Phrase.of("policy.capability", PolicySettings.PREFIX + "allowed-capabilities",
                                listed(settings.allowedCapabilities())), true, null));
            }
        }
        JsonNode mounts = container.path("Mounts");
        for (int i = 0; i < mounts.size(); i++) {
            JsonNode mount = mounts.get(i);
            String type = mount.path("Type").asText("volume");
            JsonNode driver = mount.path("VolumeOptions").path("DriverConfig");
            JsonNode options = driver.path("Options");
            // A volume in memory reaches nothing on the node.
            boolean inMemory = options.path("type").asText("").equals("tmpfs") && !options.path("o").asText("").contains("bind");
            // A volume of the local driver with a device option is a bind mount by another name.
            String device = inMemory ? null : options.path("device").asText(null);
            if (type.equals("volume") && device == null) {
                String driverName = driver.path("Name").asText("");
                Phrase problem = !driverName.isEmpty() && !driverName.equals("local") ? Phrase.of("policy.volume-driver")
                        : options.size() > 0 && !inMemory ? Phrase.of("policy.volume-options")
                        : null;
                if (problem != null) {
                    found.add(new PolicyViolation(BIND_MOUNTS, path + ".volumes[" + i + "]",
                            shorten(driverName.isEmpty() ? options.toString() : driverName), problem, true, null));
                }
                continue;
            }
            if (!type.equals("bind") && !type.equals("npipe") && device == null) {
                continue;
            }
            String source = normalised(device != null ? device : mount.path("Source").asText(""));
            Phrase problem = exposesDockerSocket(source) ? Phrase.of("policy.docker-socket")
                    : allowedBindPath(source) ? null
                    : Phrase.of("policy.bind-path", PolicySettings.PREFIX + "allowed-bind-paths", listed(settings.allowedBindPaths()));
            if (problem != null) {
                found.add(new PolicyViolation(BIND_MOUNTS, path + ".volumes[" + i + "]", shorten(source), problem, true, null));
            }
        }
        JsonNode privileges = container.path("Privileges");
        String seccomp = privileges.path("Seccomp").path("Mode").asText("");
        if (seccomp.equals("unconfined") || seccomp.equals("custom")) {
            found.add(securityOption(path, "seccomp=" + seccomp)); // a custom profile may allow anything
        }
        if (privileges.path("AppArmor").path("Mode").asText("").equals("disabled")) {
            found.add(securityOption(path, "apparmor=unconfined"));
        }
        if (privileges.path("SELinuxContext").path("Disable").asBoolean(false)) {
            found.add(securityOption(path, "label=disable"));
        }
        String selinuxType = privileges.path("SELinuxContext").path("Type").asText("");
        if (!selinuxType.isEmpty()) {
            found.add(securityOption(path, "label=type:" + shorten(selinuxType))); // spc_t is unconfined
        }
        return found;
    }

    /**
     * A change to a service that holds what an operator could not have given it: host privileges, or anything an admin
     * let through past the policy (placement on managers, a host-mode port, a log driver...). An image update or a
     * redeploy would hand all of it to whatever the operator runs next, so only admins may change such a service.
     */
    public List<PolicyViolation> changeOf(String path, JsonNode currentSpec, Set<String> managers) {
        List<PolicyViolation> held = service(path, currentSpec, managers).stream().filter(PolicyViolation::adminMay).toList();
        if (held.isEmpty()) {
            return List.of();
        }
        return List.of(new PolicyViolation(PRIVILEGED_SERVICE, path, shorten(String.join(", ",
                held.stream().map(v -> v.rule() + " " + v.value()).toList())),
                Phrase.of("policy.privileged-change"), true, null));
    }

    /**
     * A secret, config or network a stack names as external: only one an admin labelled for sharing. (Not "one of the
     * same stack": anyone may deploy under any stack name, so a stack name proves no ownership.)
     *
     * @param labels the existing object's labels
     */
    public List<PolicyViolation> external(String kind, String path, String name, JsonNode labels) {
        if (shared(labels)) {
            return List.of();
        }
        return List.of(new PolicyViolation(EXTERNAL_OBJECTS, path + ".external", kind + " " + shorten(name),
                Phrase.of("policy.not-shared", settings.sharedLabel()), true, null));
    }

    /**
     * A change of what a service runs (its command, health check, user or mounts) while it holds secrets not labelled for
     * sharing: the new command could print them, so only admins make it. (An image update is judged by the registries
     * rule instead: an image from an allowed registry is trusted as such.)
     *
     * @param secrets the names of the unshared secrets the service holds
     */
    public List<PolicyViolation> runsWithSecrets(String path, List<String> changedKeys, List<String> secrets) {
        if (secrets.isEmpty() || changedKeys.isEmpty()) {
            return List.of();
        }
        return List.of(new PolicyViolation(PRIVILEGED_SERVICE, path, shorten(String.join(", ", secrets)),
                Phrase.of("policy.runs-with-secrets", settings.sharedLabel(), String.join(", ", changedKeys)), true, null));
    }

    /** Whether an object with these labels is one an admin labelled for sharing. */
    public boolean isShared(JsonNode labels) {
        return shared(labels);
    }

    /**
     * A secret, config or network the stack itself creates: named inside the stack ({@code <stack>_...}), so that it can
     * neither stand for another object (a name that is another network's ID attaches to that network) nor occupy a
     * name others expect; and not labelled for sharing, which is an admin's decision.
     */
    public List<PolicyViolation> own(String kind, String path, String name, JsonNode labels, String stack) {
        List<PolicyViolation> found = new ArrayList<>();
        if (!name.startsWith(stack + "_")) {
            found.add(new PolicyViolation(FOREIGN_OBJECTS, path + ".name", kind + " " + shorten(name),
                    Phrase.of("policy.own-name", ResourceNotFoundException.kind(kind), stack), true, null));
        }
        if (labels.has(settings.sharedLabelKey())) {
            found.add(new PolicyViolation(EXTERNAL_OBJECTS, path + ".labels", settings.sharedLabel(),
                    Phrase.of("policy.sharing-label"), true, null));
        }
        return found;
    }

    /** A stack's own secret, config or network whose name another stack's (or no stack's) object already has. */
    public List<PolicyViolation> foreign(String kind, String path, String name, JsonNode labels, String stack) {
        if (stack.equals(labels.path(STACK_LABEL).asText(null))) {
            return List.of();
        }
        return List.of(new PolicyViolation(FOREIGN_OBJECTS, path + ".name", kind + " " + shorten(name),
                Phrase.of("policy.foreign", ResourceNotFoundException.kind(kind), stack), true, null));
    }

    public List<PolicyViolation> networkDriver(String path, String driver) {
        if (settings.allowedNetworkDrivers().contains(driver)) {
            return List.of();
        }
        return List.of(new PolicyViolation(NETWORK_DRIVERS, path + ".driver", shorten(driver), Phrase.of("policy.network-driver",
                PolicySettings.PREFIX + "allowed-network-drivers", String.join(",", settings.allowedNetworkDrivers())), true, null));
    }

    /** A redeploy with prune would remove these services: removing a service is for admins. */
    public List<PolicyViolation> prune(List<String> removed) {
        if (removed.isEmpty()) {
            return List.of();
        }
        return List.of(new PolicyViolation(PRUNE, "prune", shorten(String.join(", ", removed)),
                Phrase.of("policy.prune"), true, null));
    }

    /** The rules in force, in words, with their settings. */
    public List<PolicyRule> describe() {
        String p = PolicySettings.PREFIX;
        return List.of(
                new PolicyRule(CAPABILITIES, "added capabilities (cap_add) only from the allow-list; never ALL",
                        p + "allowed-capabilities", String.join(",", settings.allowedCapabilities()), true),
                new PolicyRule(BIND_MOUNTS, "bind mounts only under allow-listed host paths; never the Docker socket",
                        p + "allowed-bind-paths", String.join(",", settings.allowedBindPaths()), true),
                new PolicyRule(SECURITY_OPTIONS, "no unconfined seccomp or AppArmor profile, no disabled SELinux labels", null, "", true),
                new PolicyRule(RESERVED_PORTS, "Swarm's own ports (2377, 7946, 4789) are never published", null, "2377,7946,4789", false),
                new PolicyRule(LOW_PORTS, "published ports below 1024 only from the allow-list",
                        p + "allowed-low-ports", String.join(",", settings.allowedLowPorts().stream().map(String::valueOf).toList()), true),
                new PolicyRule(HOST_MODE_PORTS, "publishing in host mode (on the node's own address) is for admins", null, "", true),
                new PolicyRule(REGISTRIES, "images only from the allow-listed registries (empty: any)",
                        p + "allowed-registries", String.join(",", settings.allowedRegistries()), true),
                new PolicyRule(MAX_REPLICAS, "no more replicas than the maximum, in stacks too",
                        PolicySettings.MAX_REPLICAS, String.valueOf(settings.maxReplicas()), false),
                new PolicyRule(LOG_DRIVERS, "log drivers only from the allow-list",
                        p + "allowed-log-drivers", String.join(",", settings.allowedLogDrivers()), true),
                new PolicyRule(NETWORK_DRIVERS, "a stack's networks only with allow-listed drivers",
                        p + "allowed-network-drivers", String.join(",", settings.allowedNetworkDrivers()), true),
                new PolicyRule(MANAGER_PLACEMENT, "placement constraints that select manager nodes are for admins", null, "", true),
                new PolicyRule(EXTERNAL_OBJECTS, "external secrets, configs and networks only when labelled for sharing or of the same stack; volumes only of the same stack",
                        p + "shared-label", settings.sharedLabel(), true),
                new PolicyRule(FOREIGN_OBJECTS, "a stack never takes over a secret, config or network of another stack", null, "", true),
                new PolicyRule(PRUNE, "prune removes services, which only admins may do", null, "", true),
                new PolicyRule(PRIVILEGED_SERVICE, "services holding host privileges (capabilities, host paths, the socket) are changed by admins only",
                        null, "", true));
    }

    private void registry(String path, String image, List<PolicyViolation> found) {
        if (image == null || settings.allowedRegistries().isEmpty()) {
            return;
        }
        String registry = registryOf(image);
        if (!settings.allowedRegistries().contains(registry)) {
            found.add(new PolicyViolation(REGISTRIES, path + ".image", shorten(image), Phrase.of("policy.registry", registry,
                    PolicySettings.PREFIX + "allowed-registries", String.join(",", settings.allowedRegistries())), true, null));
        }
    }

    /** As the Engine reads a reference: a first component with a dot, a port or {@code localhost} is a registry. */
    static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first.toLowerCase(Locale.ROOT);
            }
        }
        return "docker.io";
    }

    private void ports(String path, JsonNode ports, List<PolicyViolation> found) {
        for (JsonNode port : ports) {
            int published = port.path("PublishedPort").asInt(0);
            String value = (published == 0 ? "" : published + ":") + port.path("TargetPort").asInt() + "/"
                    + port.path("Protocol").asText("tcp") + " " + port.path("PublishMode").asText("ingress");
            if (SWARM_PORTS.contains(published)) {
                found.add(new PolicyViolation(RESERVED_PORTS, path + ".ports", value, Phrase.of("policy.reserved-port", published), false, null));
            } else if (published > 0 && published < 1024 && !settings.allowedLowPorts().contains(published)) {
                found.add(new PolicyViolation(LOW_PORTS, path + ".ports", value,
                        Phrase.of("policy.low-port", PolicySettings.PREFIX + "allowed-low-ports"), true, null));
            }
            if (port.path("PublishMode").asText("ingress").equals("host")) {
                found.add(new PolicyViolation(HOST_MODE_PORTS, path + ".ports", value,
                        Phrase.of("policy.host-mode"), true, null));
            }
        }
    }

    /**
     * @param managers the managers' IDs, hostnames and addresses, lower case; null when the nodes are not known, and
     *                 then any constraint by hostname, ID or address counts as one that may select a manager
     */
    private static boolean placesOnManagers(String constraint, Set<String> managers) {
        Matcher m = CONSTRAINT.matcher(constraint);
        if (!m.matches()) {
            return false;
        }
        boolean equal = m.group(2).equals("==");
        String value = m.group(3).toLowerCase(Locale.ROOT);
        String key = m.group(1).toLowerCase(Locale.ROOT);
        if (key.equals("node.role")) {
            return equal ? value.equals("manager") : value.equals("worker");
        }
        // An address range (node.ip == 198.18.0.0/24) may well hold a manager: counted as one that does.
        return equal && (managers == null || managers.contains(value) || key.equals("node.ip") && value.contains("/"));
    }

    private static boolean exposesDockerSocket(String source) {
        return DOCKER_SOCKETS.stream().anyMatch(socket -> socket.equals(source) || socket.startsWith(source.equals("/") ? "/" : source + "/"));
    }

    private boolean allowedBindPath(String source) {
        return settings.allowedBindPaths().stream().anyMatch(allowed -> source.equals(allowed)
                || source.startsWith(allowed.equals("/") ? "/" : allowed + "/"));
    }

    private static String normalised(String source) {
        try {
            String n = Path.of(source).normalize().toString();
            return n.isEmpty() ? "/" : n;
        } catch (RuntimeException e) {
            return source;
        }
    }

    private boolean shared(JsonNode labels) {
        return labels.path(settings.sharedLabelKey()).asText("\u0000").equals(settings.sharedLabelValue());
    }

    private static PolicyViolation securityOption(String path, String value) {
        return new PolicyViolation(SECURITY_OPTIONS, path + ".security_opt", value,
                Phrase.of("policy.security-option"), true, null);
    }

    private static String listed(java.util.Collection<String> values) {
        return values.isEmpty() ? "none" : String.join(",", values);
    }

    static String shorten(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "…";
    }
}
