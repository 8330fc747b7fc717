package dev.swarmmanager.networks.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.compose.ComposeTranslator;
import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.docker.Times;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.SwarmNetwork;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.rules.PolicyRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The networks: see the package. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional
public class Networks {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    /** The Engine's own networks: never removed from here. */
    private static final Set<String> PREDEFINED = Set.of("bridge", "host", "none", "docker_gwbridge", "ingress");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EngineObjects objects;

    @Inject
    DeploymentPolicy policy;

    /** Every network of the engine we talk to, with the services attached; in two Engine calls. */
    public List<SwarmNetwork> list() {
        Map<String, List<String>> attached = attached();
        return objects.all(Kind.NETWORKS).stream().map(n -> network(n, attached))
                .sorted(Comparator.comparing(SwarmNetwork::name)).toList();
    }

    /**
     * Creates an overlay network (or another driver the deployment policy allows), swarm-scoped, for services to join.
     *
     * @param encrypted IPsec between nodes for the network's traffic
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("networks.create")
    public SwarmNetwork create(String name, String driver, boolean attachable, boolean internal, boolean encrypted,
                               Map<String, String> labels) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "networks.name");
        }
        String wanted = driver == null || driver.isBlank() ? "overlay" : driver.trim();
        Map<String, String> given = labels == null ? Map.of() : labels;
        if (given.keySet().stream().anyMatch(k -> k.startsWith("com.docker.stack."))) {
            throw new InvalidRequestException("labels", "labels.stack-tooling");
        }
        String path = "networks." + name;
        List<PolicyViolation> violations = new ArrayList<>(policy.rules().networkDriver(path, wanted));
        ObjectNode labelNode = JSON.createObjectNode();
        new TreeMap<>(given).forEach(labelNode::put);
        if (policy.rules().isShared(labelNode)) {
            violations.add(new PolicyViolation(PolicyRules.EXTERNAL_OBJECTS, path + ".labels", "network " + name,
                    Phrase.of("policy.shared-object"), true, null));
        }
        if (objects.named(Kind.NETWORKS, name) != null) {
            throw new OperationConflictException("networks.exists", name);
        }
        policy.enforce(violations);
        ObjectNode spec = JSON.createObjectNode();
        spec.put("Name", name);
        spec.put("CheckDuplicate", true);
        spec.put("Driver", wanted);
        spec.put("Scope", "swarm");
        spec.put("Attachable", attachable);
        spec.put("Internal", internal);
        if (encrypted) {
            spec.putObject("Options").put("encrypted", "");
        }
        spec.set("Labels", labelNode);
        objects.create(Kind.NETWORKS, spec);
        return list().stream().filter(n -> n.name().equals(name)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("network", name));
    }

    /** Refused while services are attached (naming them), and for the Engine's own networks. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("networks.remove")
    public void remove(String reference) {
        JsonNode network = find(reference);
        String name = network.path("Name").asText();
        if (PREDEFINED.contains(name) || network.path("Ingress").asBoolean(false)) {
            throw new OperationConflictException("networks.predefined", name);
        }
        List<String> using = attached().getOrDefault(network.path("Id").asText(), List.of());
        if (!using.isEmpty()) {
            throw new OperationConflictException("networks.in-use", name, String.join(", ", using));
        }
        if (policy.rules().isShared(network.path("Labels"))) {
            policy.enforce(List.of(new PolicyViolation(PolicyRules.EXTERNAL_OBJECTS, "networks." + name + ".labels", "network " + name,
                    Phrase.of("policy.shared-object"), true, null)));
        }
        objects.delete(Kind.NETWORKS, network.path("Id").asText());
    }

    private JsonNode find(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 128) {
            throw new InvalidRequestException("name", "networks.reference-required");
        }
        dev.swarmmanager.docker.DockerCalls.checkReference("network", reference); // no such name: 404, never sent to the Engine
        JsonNode found = objects.named(Kind.NETWORKS, reference);
        if (found != null) {
            return found;
        }
        return objects.all(Kind.NETWORKS).stream().filter(n -> n.path("Id").asText().equals(reference)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("network", reference));
    }

    /** The services attached to each network, by the network's ID. */
    private Map<String, List<String>> attached() {
        Map<String, List<String>> attached = new HashMap<>();
        for (JsonNode service : objects.all(Kind.SERVICES)) {
            String name = service.path("Spec").path("Name").asText();
            List<JsonNode> attachments = new ArrayList<>();
            service.path("Spec").path("TaskTemplate").path("Networks").forEach(attachments::add);
            service.path("Spec").path("Networks").forEach(attachments::add);
            for (JsonNode attachment : attachments) {
                List<String> list = attached.computeIfAbsent(attachment.path("Target").asText(), k -> new ArrayList<>());
                if (!list.contains(name)) {
                    list.add(name);
                }
            }
        }
        attached.values().forEach(l -> l.sort(null));
        return attached;
    }

    private static SwarmNetwork network(JsonNode n, Map<String, List<String>> attached) {
        Map<String, String> labels = new TreeMap<>();
        n.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        List<String> services = new ArrayList<>(attached.getOrDefault(n.path("Id").asText(), List.of()));
        attached.getOrDefault(n.path("Name").asText(), List.of()).stream().filter(s -> !services.contains(s)).forEach(services::add);
        return new SwarmNetwork(n.path("Id").asText(), n.path("Name").asText(), n.path("Driver").asText(), n.path("Scope").asText(),
                n.path("Attachable").asBoolean(false), n.path("Internal").asBoolean(false), n.path("Options").has("encrypted"),
                n.path("Ingress").asBoolean(false), labels, services, labels.get(ComposeTranslator.NAMESPACE_LABEL),
                Times.parse(n.path("Created").asText(null)));
    }
}
