package dev.swarmmanager.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * The deployment policy's settings, from MicroProfile Config ({@code swarm.policy.*}). The defaults are safe for
 * operators, in the spirit of Kubernetes' "baseline" Pod Security Standard: nothing that reaches the host.
 *
 * @param allowedRegistries empty: any registry
 * @param sharedLabel       {@code key=value}: secrets, configs and networks so labelled may be used by any stack
 */
public record PolicySettings(
        boolean appliesToAdmins,
        Set<String> allowedCapabilities,
        List<String> allowedBindPaths,
        Set<Integer> allowedLowPorts,
        Set<String> allowedRegistries,
        Set<String> allowedLogDrivers,
        Set<String> allowedNetworkDrivers,
        String sharedLabel,
        long maxReplicas) {

    public static final String PREFIX = "swarm.policy.";
    public static final String MAX_REPLICAS = "swarm.services.max-replicas";

    public static PolicySettings from(Config config) {
        return new PolicySettings(
                config.getOptionalValue(PREFIX + "applies-to-admins", Boolean.class).orElse(false),
                upper(values(config, "allowed-capabilities", List.of())),
                values(config, "allowed-bind-paths", List.of()).stream().map(PolicySettings::withoutTrailingSlash).toList(),
                new TreeSet<>(values(config, "allowed-low-ports", List.of()).stream().map(Integer::valueOf).toList()),
                new TreeSet<>(values(config, "allowed-registries", List.of()).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()),
                new TreeSet<>(values(config, "allowed-log-drivers", List.of("json-file", "local"))),
                new TreeSet<>(values(config, "allowed-network-drivers", List.of("overlay"))),
                config.getOptionalValue(PREFIX + "shared-label", String.class).orElse("swarm-manager.shared=true").trim(),
                config.getOptionalValue(MAX_REPLICAS, Long.class).orElse(100L));
    }

    private static List<String> values(Config config, String key, List<String> fallback) {
        return config.getOptionalValues(PREFIX + key, String.class).orElse(fallback).stream()
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Set<String> upper(List<String> capabilities) {
        Set<String> result = new TreeSet<>();
        capabilities.forEach(c -> result.add(Capabilities.canonical(c)));
        return result;
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    public String sharedLabelKey() {
        int at = sharedLabel.indexOf('=');
        return at < 0 ? sharedLabel : sharedLabel.substring(0, at);
    }

    public String sharedLabelValue() {
        int at = sharedLabel.indexOf('=');
        return at < 0 ? "" : sharedLabel.substring(at + 1);
    }
}
