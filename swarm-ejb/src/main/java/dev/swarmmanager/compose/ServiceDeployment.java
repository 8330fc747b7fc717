package dev.swarmmanager.compose;

import static dev.swarmmanager.compose.Specs.putLong;
import static dev.swarmmanager.compose.Specs.putText;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** How a Compose service is deployed and reached: its mode and replicas, update and rollback, endpoint and ports. Pure. */
final class ServiceDeployment {

    private ServiceDeployment() {
    }

    /** @return whether the file set the replicas (a redeploy keeps the running count otherwise) */
    static boolean mode(ComposeNode deploy, ObjectNode spec) {
        String mode = deploy.get("mode").isMissing() ? "replicated" : deploy.get("mode").string();
        Long replicas = deploy.get("replicas").nonNegative();
        ObjectNode modeNode = spec.putObject("Mode");
        switch (mode) {
            case "replicated" -> modeNode.putObject("Replicated").put("Replicas", replicas == null ? 1 : replicas);
            case "global" -> {
                if (replicas != null) {
                    throw deploy.get("replicas").invalid("compose.global-replicas");
                }
                modeNode.putObject("Global");
            }
            default -> throw deploy.get("mode").invalid("compose.mode", mode);
        }
        return replicas != null;
    }

    static void updateConfig(ComposeNode node, ObjectNode spec, String field) {
        if (node.isMissing()) {
            return;
        }
        ObjectNode config = spec.putObject(field);
        Long parallelism = node.get("parallelism").nonNegative();
        config.put("Parallelism", parallelism == null ? 1 : parallelism);
        putLong(config, "Delay", ComposeValues.durationNanos(node.get("delay")));
        String action = node.get("failure_action").string();
        if (action != null && !List.of("continue", "rollback", "pause").contains(action)) {
            throw node.get("failure_action").invalid("compose.failure-action", action);
        }
        putText(config, "FailureAction", action);
        putLong(config, "Monitor", ComposeValues.durationNanos(node.get("monitor")));
        Double ratio = node.get("max_failure_ratio").doubleValue();
        if (ratio != null) {
            config.put("MaxFailureRatio", ratio);
        }
        String order = node.get("order").string();
        if (order != null && !List.of("stop-first", "start-first").contains(order)) {
            throw node.get("order").invalid("compose.order", order);
        }
        putText(config, "Order", order);
    }

    static void endpoint(ComposeNode mode, ComposeNode ports, ObjectNode spec, List<String> warnings) {
        ObjectNode endpoint = spec.putObject("EndpointSpec");
        String m = mode.isMissing() ? "vip" : mode.string().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("vip", "dnsrr").contains(m)) {
            throw mode.invalid("compose.endpoint-mode", mode.value());
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
}
