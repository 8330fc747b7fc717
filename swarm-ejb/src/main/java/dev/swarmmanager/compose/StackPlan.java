package dev.swarmmanager.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A Compose file translated into the Engine objects it stands for, by full Swarm name, before anything is
 * looked up or changed.
 *
 * @param externalNetworks networks the file expects to exist already
 * @param externalSecrets secrets the file expects to exist already, likewise configs
 * @param paths the Compose path each object comes from, by {@link #key kind and name}: {@code networks.pages}
 */
public record StackPlan(
        String namespace,
        Map<String, ObjectNode> networks,
        List<String> externalNetworks,
        Map<String, ObjectNode> secrets,
        List<String> externalSecrets,
        Map<String, ObjectNode> configs,
        List<String> externalConfigs,
        Map<String, ServicePlan> services,
        List<String> warnings,
        Map<String, String> paths) {

    /** {@code service}, {@code network}, {@code secret} or {@code config}, and the object's full name. */
    public static String key(String kind, String name) {
        return kind + " " + name;
    }

    /** Where the file defines the object (or names it, when it is external). */
    public String path(String kind, String name) {
        return paths.getOrDefault(key(kind, name), kind + "s." + name);
    }

    /**
     * @param replicasSet the file says how many replicas: otherwise a redeploy keeps the current count
     */
    public record ServicePlan(ObjectNode spec, boolean replicasSet) {
    }
}
