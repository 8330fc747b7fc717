package dev.swarmmanager.stacks.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.docker.VersionedUpdate;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.StackDeployResult;
import dev.swarmmanager.domain.StackDeployed;
import dev.swarmmanager.domain.StackVersion;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.domain.StackDetails;
import dev.swarmmanager.domain.StackSummary;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.rules.PolicyRules;
import dev.swarmmanager.services.boundary.Services;
import dev.swarmmanager.compose.ComposeFiles;
import dev.swarmmanager.compose.ComposeLines;
import dev.swarmmanager.compose.ComposeLoader;
import dev.swarmmanager.compose.ComposeNode;
import dev.swarmmanager.compose.ComposeTranslator;
import dev.swarmmanager.compose.StackNames;
import dev.swarmmanager.compose.StackPlan;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.ArrayList;
import java.util.Locale;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Compose stacks: deploy and redeploy, list, remove. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional: no JTA transaction per call
public class Stacks {

    private static final String STACK = "stack";

    @Inject
    EngineObjects resources;

    @Inject
    Services services;

    @Inject
    ClusterMirror mirror;

    @Inject
    DeploymentPolicy policy;

    @Inject
    StackHistory history;

    @Inject
    Event<StackDeployed> deployed;

    private static final Logger LOG = Logger.getLogger(Stacks.class.getName());

    /**
     * Deploys or redeploys a stack. The file is parsed, translated, checked against the cluster (external
     * networks, secrets and configs exist; configs and secrets are immutable) and judged by the deployment policy
     * before anything changes, so an invalid file, a missing dependency or a refused setting changes nothing. Then
     * secrets, configs, networks and services are created or updated in place; with {@code prune}, services no
     * longer in the file are removed.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("stacks.deploy")
    public StackDeployResult deploy(StackDeployment deployment) {
        Prepared prepared = prepare(deployment);
        List<PolicyViolation> bypassed = policy.enforce(prepared.violations());
        StackDeployResult result = apply(prepared, bypassed);
        try {
            deployed.fire(new StackDeployed(deployment, result));
        } catch (RuntimeException e) {
            // The stack is deployed: a history that could not keep the file must not turn that into a failure.
            LOG.log(Level.WARNING, "stack " + deployment.name() + " is deployed, but its file could not be kept in its history", e);
        }
        return result;
    }

    /**
     * Deploys an earlier version of the stack's file again, as a new deploy (which the history keeps as the newest
     * version). Variables kept without their value, and files (never kept), must be given again.
     *
     * @param files the files the version was deployed with, by the path its file writes
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("stacks.redeploy-version")
    public StackDeployResult redeployVersion(String stack, int version, Map<String, String> variables, Map<String, String> files) {
        StackVersion kept = history.get(stack, version);
        List<String> missing = kept.files().stream().filter(f -> !files.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("files", "stacks.files-again", String.join(", ", missing), version);
        }
        return deploy(new StackDeployment(stack, kept.composeFile(), StackHistory.variables(kept, variables), files, kept.prune()));
    }

    /**
     * The files this Compose file names for their content ({@code env_file}, a secret's or config's {@code file}),
     * which a deploy must send with it; none when the file cannot be read (its deploy says why). No Engine call.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    public List<String> filesNamed(String composeFile, Map<String, String> variables) {
        if (composeFile == null || composeFile.isBlank()) {
            return List.of();
        }
        try {
            return ComposeFiles.named(ComposeLoader.load(composeFile,
                    variables == null ? Map.of() : variables, new ArrayList<>()));
        } catch (InvalidRequestException unreadable) {
            return List.of();
        }
    }

    /**
     * What {@link #deploy} would do with this file, and what the deployment policy would refuse, changing nothing.
     * The file and the cluster are checked as for a deploy: an invalid file or a missing dependency is an error here too.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    public StackDeployResult dryRun(StackDeployment deployment) {
        Prepared p = prepare(deployment);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        p.plan().services().keySet().forEach(name -> (p.services().containsKey(name) ? updated : created).add(name));
        List<String> networks = p.plan().networks().keySet().stream().filter(n -> !p.networks().containsKey(n)).toList();
        return new StackDeployResult(p.plan().namespace(), created, updated, p.pruned(), networks,
                newObjects(p.plan().secrets().keySet(), p.secrets()),
                newObjects(p.plan().configs().keySet(), p.configs()), p.plan().warnings(), true, p.violations());
    }

    /**
     * A deploy's inputs, read and judged, before anything changes.
     *
     * @param secrets the existing secrets the file's own ones stand for: the stack's, and those of the same name made
     *                outside it (each looked up once, here); likewise configs
     */
    private record Prepared(StackPlan plan, Map<String, JsonNode> services,
                            Map<String, JsonNode> networks, Map<String, JsonNode> secrets, Map<String, JsonNode> configs,
                            List<String> pruned, List<PolicyViolation> violations) {
    }

    private Prepared prepare(StackDeployment deployment) {
        StackNames.validateStack(deployment.name());
        List<String> warnings = new ArrayList<>();
        ComposeNode root = ComposeLoader.load(deployment.composeFile(), deployment.variables(), warnings);
        StackPlan plan = ComposeTranslator.translate(deployment.name(), root, deployment.files(), warnings);

        Map<String, JsonNode> existingServices = byName(of(Kind.SERVICES, plan.namespace()), true);
        Map<String, JsonNode> existingNetworks = byName(of(Kind.NETWORKS, plan.namespace()), false);
        Map<String, JsonNode> existingSecrets = byName(of(Kind.SECRETS, plan.namespace()), true);
        Map<String, JsonNode> existingConfigs = byName(of(Kind.CONFIGS, plan.namespace()), true);
        List<PolicyViolation> violations = new ArrayList<>(checkPreconditions(plan, existingConfigs));

        PolicyRules rules = policy.rules();
        Set<String> managers = policy.managers();
        plan.services().forEach((name, service) -> {
            String path = plan.path("service", name);
            violations.addAll(rules.service(path, service.spec(), managers));
            JsonNode existing = existingServices.get(name);
            if (existing != null) {
                violations.addAll(rules.changeOf(path, existing.path("Spec"), managers));
            }
        });
        plan.networks().forEach((name, spec) -> {
            String path = plan.path("network", name);
            violations.addAll(rules.networkDriver(path, spec.path("Driver").asText()));
            violations.addAll(rules.own("network", path, name, spec.path("Labels"), plan.namespace()));
            if (!existingNetworks.containsKey(name)) {
                JsonNode other = resources.named(Kind.NETWORKS, name);
                if (other != null) {
                    violations.addAll(rules.foreign("network", path, name, other.path("Labels"), plan.namespace()));
                }
            }
        });
        Map<String, JsonNode> secrets = withForeign(Kind.SECRETS, plan, existingSecrets, violations);
        Map<String, JsonNode> configs = withForeign(Kind.CONFIGS, plan, existingConfigs, violations);
        List<String> pruned = deployment.prune() ? existingServices.keySet().stream()
                .filter(name -> !plan.services().containsKey(name)).toList() : List.of();
        violations.addAll(rules.prune(pruned));

        ComposeLines lines = violations.isEmpty() ? null : ComposeLines.of(deployment.composeFile());
        List<PolicyViolation> located = violations.stream().map(v -> v.withLine(lines.line(v.path()))).toList();
        return new Prepared(plan, existingServices, existingNetworks, secrets, configs, pruned, located);
    }

    /**
     * The stack's own secrets or configs as they exist: the stack's, plus those of the same name made outside the
     * stack (judged by the policy: the deploy would take them over), each looked up once.
     */
    private Map<String, JsonNode> withForeign(Kind kind, StackPlan plan, Map<String, JsonNode> own, List<PolicyViolation> violations) {
        String singular = kind == Kind.SECRETS ? "secret" : "config";
        Map<String, ObjectNode> specs = kind == Kind.SECRETS ? plan.secrets() : plan.configs();
        Map<String, JsonNode> existing = new TreeMap<>(own);
        specs.forEach((name, spec) -> {
            violations.addAll(policy.rules().own(singular, plan.path(singular, name), name, spec.path("Labels"), plan.namespace()));
            if (!own.containsKey(name)) {
                JsonNode other = resources.named(kind, name);
                if (other != null) {
                    violations.addAll(policy.rules().foreign(singular, plan.path(singular, name), name,
                            other.path("Spec").path("Labels"), plan.namespace()));
                    existing.put(name, other);
                }
            }
        });
        return existing;
    }

    private static List<String> newObjects(Set<String> names, Map<String, JsonNode> existing) {
        return names.stream().filter(name -> !existing.containsKey(name)).toList();
    }

    private StackDeployResult apply(Prepared p, List<PolicyViolation> bypassed) {
        StackPlan plan = p.plan();
        List<String> secrets = new ArrayList<>();
        Map<String, String> secretIds = fileObjects(Kind.SECRETS, plan.secrets(), p.secrets(), plan.externalSecrets(), secrets);
        List<String> configs = new ArrayList<>();
        Map<String, String> configIds = fileObjects(Kind.CONFIGS, plan.configs(), p.configs(), plan.externalConfigs(), configs);
        List<String> networks = new ArrayList<>();
        plan.networks().forEach((name, spec) -> {
            if (!p.networks().containsKey(name)) {
                resources.create(Kind.NETWORKS, spec);
                networks.add(name);
            }
        });

        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        plan.services().forEach((name, service) -> {
            ObjectNode spec = service.spec();
            resolveReferences(spec, "Secrets", "SecretName", "SecretID", secretIds);
            resolveReferences(spec, "Configs", "ConfigName", "ConfigID", configIds);
            JsonNode existing = p.services().get(name);
            if (existing == null) {
                resources.create(Kind.SERVICES, spec);
                created.add(name);
            } else {
                updateService(existing.path("ID").asText(), spec, service.replicasSet());
                updated.add(name);
            }
        });

        List<String> removed = new ArrayList<>();
        for (String name : p.pruned()) {
            if (resources.delete(Kind.SERVICES, p.services().get(name).path("ID").asText())) {
                removed.add(name);
            }
        }
        mirror.refresh(); // possibly many services changed: one full read, so the caller reads their own write
        return new StackDeployResult(plan.namespace(), created, updated, removed, networks, secrets, configs,
                plan.warnings(), false, bypassed);
    }

    /** The stacks of the cluster, with their replica counts, from the services as {@link Services} lists them. */
    public List<StackSummary> list() {
        Map<String, List<SwarmService>> byStack = services.list(ServiceFilter.ALL).stream()
                .filter(s -> s.stack() != null)
                .collect(Collectors.groupingBy(SwarmService::stack, TreeMap::new, Collectors.toList()));
        return byStack.entrySet().stream()
                .map(e -> new StackSummary(e.getKey(), e.getValue().size(),
                        e.getValue().stream().mapToLong(SwarmService::desiredReplicas).sum(),
                        e.getValue().stream().mapToLong(SwarmService::runningReplicas).sum()))
                .toList();
    }

    /** One stack's services with their replica counts, as {@link Services} lists them, and its networks, secrets and configs. */
    public StackDetails inspect(String name) {
        StackNames.validateStack(name);
        List<SwarmService> stackServices = services.list(new ServiceFilter(null, null, null, name));
        if (stackServices.isEmpty()) {
            throw new ResourceNotFoundException(STACK, name);
        }
        return new StackDetails(name, stackServices, names(Kind.NETWORKS, name, false), names(Kind.SECRETS, name, true),
                names(Kind.CONFIGS, name, true));
    }

    /**
     * Removes the stack's services, then its networks, secrets and configs, as {@code docker stack rm} does.
     *
     * @return the names of what was removed
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("stacks.remove")
    public List<String> remove(String name) {
        StackNames.validateStack(name);
        List<String> removed = new ArrayList<>();
        for (Kind kind : List.of(Kind.SERVICES, Kind.SECRETS, Kind.CONFIGS)) {
            for (JsonNode object : of(kind, name)) {
                if (resources.delete(kind, object.path("ID").asText())) {
                    removed.add(object.path("Spec").path("Name").asText());
                }
            }
        }
        for (JsonNode network : of(Kind.NETWORKS, name)) {
            if (deleteNetwork(network.path("Id").asText())) {
                removed.add(network.path("Name").asText());
            }
        }
        if (removed.isEmpty()) {
            throw new ResourceNotFoundException(STACK, name);
        }
        mirror.refresh();
        return removed;
    }

    /**
     * The external networks, secrets and configs exist (409 otherwise) and configs keep their content; answers what
     * the deployment policy says of the external objects, found by the same lookups.
     */
    private List<PolicyViolation> checkPreconditions(StackPlan plan, Map<String, JsonNode> existingConfigs) {
        List<PolicyViolation> violations = new ArrayList<>();
        PolicyRules rules = policy.rules();
        for (String network : plan.externalNetworks()) {
            JsonNode found = resources.named(Kind.NETWORKS, network);
            if (found == null) {
                throw new OperationConflictException("stacks.external-network-missing", network);
            }
            if (!found.path("Scope").asText().equals("swarm")) {
                throw new OperationConflictException("stacks.external-network-scope", network, found.path("Scope").asText());
            }
            violations.addAll(rules.external("network", plan.path("network", network), network, found.path("Labels")));
        }
        for (String secret : plan.externalSecrets()) {
            JsonNode found = resources.named(Kind.SECRETS, secret);
            if (found == null) {
                throw new OperationConflictException("stacks.external-missing", ResourceNotFoundException.kind("secret"), secret);
            }
            violations.addAll(rules.external("secret", plan.path("secret", secret), secret, found.path("Spec").path("Labels")));
        }
        for (String config : plan.externalConfigs()) {
            JsonNode found = resources.named(Kind.CONFIGS, config);
            if (found == null) {
                throw new OperationConflictException("stacks.external-missing", ResourceNotFoundException.kind("config"), config);
            }
            violations.addAll(rules.external("config", plan.path("config", config), config, found.path("Spec").path("Labels")));
        }
        plan.configs().forEach((name, spec) -> {
            JsonNode existing = existingConfigs.get(name);
            if (existing != null && !existing.path("Spec").path("Data").asText().equals(spec.path("Data").asText())) {
                throw new OperationConflictException("stacks.config-differs", name);
            }
        });
        return violations;
    }

    /** Creates or updates (labels only: Swarm keeps the data) each secret or config; the IDs of all by name. */
    private Map<String, String> fileObjects(Kind kind, Map<String, ObjectNode> specs, Map<String, JsonNode> existing,
                                            List<String> external, List<String> created) {
        Map<String, String> ids = new HashMap<>();
        specs.forEach((name, spec) -> {
            JsonNode current = existing.get(name); // the stack's, or one made outside it (prepare looked it up)
            if (current == null) {
                ids.put(name, resources.create(kind, spec).path("ID").asText());
                created.add(name);
                return;
            }
            try {
                resources.update(kind, current.path("ID").asText(), current.path("Version").path("Index").asLong(), spec);
            } catch (InvalidRequestException e) {
                throw new OperationConflictException("stacks.object-differs",
                        ResourceNotFoundException.kind(kind.name().toLowerCase(Locale.ROOT).replaceAll("s$", "")), name,
                        ResourceNotFoundException.kind(kind.name().toLowerCase(Locale.ROOT)));
            }
            ids.put(name, current.path("ID").asText());
        });
        for (String name : external) {
            ids.put(name, resources.named(kind, name).path("ID").asText());
        }
        return ids;
    }

    private static void resolveReferences(ObjectNode spec, String field, String nameField, String idField, Map<String, String> ids) {
        JsonNode refs = spec.path("TaskTemplate").path("ContainerSpec").path(field);
        if (refs instanceof ArrayNode array) {
            array.forEach(ref -> ((ObjectNode) ref).put(idField, ids.get(ref.path(nameField).asText())));
        }
    }

    /**
     * Updates in place at the service's version, as the CLI does, keeping what a redeploy should not undo: the
     * image digest Swarm pinned when the image is unchanged, the force-update counter, and (our one deliberate
     * difference from the CLI) the replica count when the file does not set one, so that a redeploy never
     * scales back a service an operator scaled.
     */
    private void updateService(String id, ObjectNode spec, boolean replicasSet) {
        VersionedUpdate.retry(() -> {
            JsonNode current = resources.inspect(Kind.SERVICES, id);
            JsonNode currentSpec = current.path("Spec");
            ObjectNode next = spec.deepCopy();
            String image = next.path("Labels").path(ComposeTranslator.IMAGE_LABEL).asText();
            if (image.equals(currentSpec.path("Labels").path(ComposeTranslator.IMAGE_LABEL).asText())) {
                ((ObjectNode) next.path("TaskTemplate").path("ContainerSpec"))
                        .put("Image", currentSpec.path("TaskTemplate").path("ContainerSpec").path("Image").asText());
            }
            if (currentSpec.path("TaskTemplate").has("ForceUpdate")) {
                ((ObjectNode) next.path("TaskTemplate")).set("ForceUpdate", currentSpec.path("TaskTemplate").path("ForceUpdate"));
            }
            JsonNode currentReplicas = currentSpec.path("Mode").path("Replicated").path("Replicas");
            if (!replicasSet && next.path("Mode").has("Replicated") && currentReplicas.isNumber()) {
                ((ObjectNode) next.path("Mode").path("Replicated")).put("Replicas", currentReplicas.asLong());
            }
            resources.update(Kind.SERVICES, id, current.path("Version").path("Index").asLong(), next);
        });
    }

    /** A network still has endpoints for a moment after its services are removed: retry briefly. */
    private boolean deleteNetwork(String id) {
        for (int attempt = 0; ; attempt++) {
            try {
                return resources.delete(Kind.NETWORKS, id);
            } catch (OperationConflictException | dev.swarmmanager.domain.DockerUnavailableException e) {
                if (attempt >= 30) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private List<String> names(Kind kind, String stack, boolean inSpec) {
        return byName(of(kind, stack), inSpec).keySet().stream().toList();
    }

    /** Every object of that kind labelled with the stack's namespace. */
    private List<JsonNode> of(Kind kind, String namespace) {
        return resources.labelled(kind, ComposeTranslator.NAMESPACE_LABEL + "=" + namespace);
    }

    private static Map<String, JsonNode> byName(List<JsonNode> objects, boolean inSpec) {
        Map<String, JsonNode> result = new TreeMap<>();
        for (JsonNode o : objects) {
            result.put(inSpec ? o.path("Spec").path("Name").asText() : o.path("Name").asText(), o);
        }
        return result;
    }
}
