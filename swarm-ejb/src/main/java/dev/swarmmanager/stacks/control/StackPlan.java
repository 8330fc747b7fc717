package dev.swarmmanager.stacks.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A Compose file translated into the Engine objects it stands for, by full Swarm name, before anything is
 * looked up or changed.
 *
 * @param externalNetworks networks the file expects to exist already
 * @param externalSecrets secrets the file expects to exist already, likewise configs
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
        List<String> warnings) {

    /**
     * @param replicasSet the file says how many replicas: otherwise a redeploy keeps the current count
     */
    public record ServicePlan(ObjectNode spec, boolean replicasSet) {
    }
}
