package dev.swarmmanager.services.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.compose.ComposeLoader;
import dev.swarmmanager.compose.ComposeNode;
import dev.swarmmanager.compose.ComposeTranslator;
import dev.swarmmanager.compose.ServiceEdits;
import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.docker.VersionedUpdate;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.ServiceDefinition;
import dev.swarmmanager.domain.ServiceEdit;
import dev.swarmmanager.domain.ServiceEditPreview;
import dev.swarmmanager.domain.ServiceSpec;
import dev.swarmmanager.domain.ServiceWriteResult;
import dev.swarmmanager.security.ClusterRoles;
import jakarta.security.enterprise.SecurityContext;
import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.audit.control.Attempt;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.domain.AuditOutcome;
import dev.swarmmanager.domain.PolicyViolationException;
import jakarta.annotation.security.PermitAll;
import dev.swarmmanager.docker.DockerCalls;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.ServiceFilter;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.translation.ClusterReader;
import dev.swarmmanager.domain.ClusterState;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.compose.ImageReference;
import dev.swarmmanager.services.control.ServiceSpecs;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Swarm's services. Services are found by name or ID; an unknown one is "not found", never a failure. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional: no JTA transaction per call
public class Services {

    private static final String SERVICE = "service";
    /** Specs as the API and the UI show them: one layout, so that two of them diff line by line. */
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Inject
    DockerClient docker;

    @Inject
    DockerCalls calls;

    @Inject
    ServiceSpecs specs;

    @Inject
    ClusterMirror mirror;

    @Inject
    DeploymentPolicy policy;

    /** Only for the autoscaler's scales: a user's are recorded by the audit interceptor. */
    @Inject
    AuditLog audit;

    @Inject
    ClusterReader reader;

    @Inject
    EngineObjects objects;

    @Inject
    SecurityContext security;

    /** The caller\'s roles on the cluster this call works on (narrower than the container\'s on some). */
    @Inject
    ClusterRoles clusterRoles;

    /**
     * From the mirror; from Docker (two Engine calls whatever the number of services: the services, then the
     * tasks meant to run) only when the mirror is not current.
     */
    public List<SwarmService> list(ServiceFilter filter) {
        ServiceFilter wanted = filter == null ? ServiceFilter.ALL : filter;
        wanted.parsedMode(); // an unknown mode is rejected before Docker is asked anything
        List<SwarmService> all = mirror.current().map(ClusterState::services).orElseGet(this::read);
        return wanted.equals(ServiceFilter.ALL) ? all : all.stream().filter(wanted::matches).toList();
    }

    private List<SwarmService> read() {
        return reader.readServices().stream().sorted(ClusterState.SERVICE_ORDER).toList();
    }

    /** @param reference the service's name, ID or ID prefix */
    public SwarmService inspect(String reference) {
        SwarmService service = reader.readService(reference, Map.of()).service();
        if (service == null) {
            throw new ResourceNotFoundException(SERVICE, reference);
        }
        return service;
    }

    /**
     * Sets a replicated service's replica count. Swarm starts or stops tasks to match. A service that holds host
     * privileges is scaled by admins only (the deployment policy).
     *
     * @param replicas from 0 to {@code swarm.services.max-replicas}, a guard against a typo asking for thousands
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.scale")
    public SwarmService scale(String reference, long replicas) {
        checkReplicas(replicas);
        specs.update(reference, spec -> {
            policy.enforce(policy.rules().changeOf(path(spec), spec, policy.managers()));
            ServiceSpecs.setReplicas(spec, reference, replicas);
        });
        return readBack(reference);
    }

    /**
     * Scales for the autoscaler, which acts with the authority of whoever set the policy: the same range and
     * deployment policy (an operator's policy on a service an operator may not change is refused, an admin's passes what
     * admins may), the same versioned write, and an audit row under the name {@code autoscaler} whatever the outcome.
     * The write happens only if the service still has {@code expected} replicas: a scale by hand in between wins.
     * There is no signed-in caller on the autoscaler's thread, hence no role check here: only the autoscaling component
     * calls this (ArchitectureTest holds it to that).
     *
     * @param reason the autoscaler's decision, kept with the audit row
     */
    @PermitAll
    public SwarmService scaleForAutoscaler(String reference, long expected, long replicas, String reason, boolean asAdmin) {
        String role = asAdmin ? Role.ADMIN_NAME : Role.OPERATOR_NAME;
        Attempt attempt = new Attempt("services.scale", reference, Map.of("replicas", String.valueOf(replicas), "reason",
                reason == null ? "" : reason.length() > 200 ? reason.substring(0, 200) : reason));
        try {
            checkReplicas(replicas);
            specs.update(reference, spec -> {
                long now = spec.path("Mode").path("Replicated").path("Replicas").asLong(-1);
                if (now != expected) {
                    throw new OperationConflictException("services.scaled-meanwhile", reference, now, expected);
                }
                List<PolicyViolation> violations = policy.rules().changeOf(path(spec), spec, policy.managers()).stream()
                        .filter(v -> !(asAdmin && v.adminMay())).toList();
                if (!violations.isEmpty()) {
                    throw new PolicyViolationException(violations, !asAdmin);
                }
                ServiceSpecs.setReplicas(spec, reference, replicas);
            });
            SwarmService scaled = readBack(reference);
            audit.recordFor(AUTOSCALER, role, attempt, AuditOutcome.SUCCEEDED, null);
            return scaled;
        } catch (PolicyViolationException e) {
            audit.recordFor(AUTOSCALER, role, attempt, AuditOutcome.DENIED, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            audit.recordFor(AUTOSCALER, role, attempt, AuditOutcome.FAILED, e.getMessage());
            throw e;
        }
    }

    /** The range every scale keeps to, a user's or the autoscaler's: the policy's ceiling, never negative. */
    private void checkReplicas(long replicas) {
        long maxReplicas = policy.rules().settings().maxReplicas();
        if (replicas < 0 || replicas > maxReplicas) {
            throw new InvalidRequestException("replicas", "number.between-got", 0, maxReplicas, replicas);
        }
    }

    /** The name the autoscaler acts under, in the audit log. */
    public static final String AUTOSCALER = "autoscaler";

    /** The deployment policy names a service as Compose would: {@code services.<name>}. */
    private static String path(JsonNode spec) {
        return "services." + spec.path("Name").asText();
    }

    /**
     * Rolls the service out to another image, task by task as its update config says ({@code docker service
     * update --image}), through the deployment policy: the image's registry must be allowed, and a service that
     * holds host privileges (the Docker socket, added capabilities) is given another image by admins only.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.update-image")
    public SwarmService updateImage(String reference, String image) {
        String wanted = ImageReference.validate(image);
        specs.update(reference, spec -> {
            List<PolicyViolation> violations = new ArrayList<>(policy.rules().changeOf(path(spec), spec, policy.managers()));
            violations.addAll(policy.rules().image(path(spec), wanted));
            policy.enforce(violations);
            ServiceSpecs.setImage(spec, wanted);
        });
        return readBack(reference);
    }

    /** The service as just changed, read once: into the mirror (so lists show the write), and from there. */
    private SwarmService readBack(String reference) {
        mirror.refreshService(reference);
        return mirror.current().flatMap(state -> state.service(reference)).orElseGet(() -> inspect(reference));
    }

    /**
     * Creates a service of its own (not of a stack) from one Compose service, as {@code docker service create} would
     * from the same settings: the networks, secrets and configs it names must exist, and the deployment policy judges
     * the whole spec and each of those (an operator may use only the ones an admin labelled for sharing).
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.create")
    public ServiceWriteResult create(ServiceDefinition definition) {
        List<String> warnings = new ArrayList<>();
        ComposeNode service = ComposeLoader.loadService("service", definition.service(), definition.variables(), warnings);
        ObjectNode spec = ComposeTranslator.translateService(definition.name(), service, warnings).spec();
        String path = path(spec);
        List<PolicyViolation> violations = new ArrayList<>(policy.rules().service(path, spec, policy.managers()));
        violations.addAll(resolveReferences(path, spec, null));
        if (objects.named(Kind.SERVICES, definition.name()) != null) {
            throw new OperationConflictException("services.exists", definition.name());
        }
        List<PolicyViolation> bypassed = policy.enforce(violations);
        objects.create(Kind.SERVICES, spec);
        return new ServiceWriteResult(readBack(definition.name()), warnings, bypassed);
    }

    /** The service's full spec as the Engine holds it; for viewers, environment values are left out (they may hold credentials). */
    public ServiceSpec spec(String reference) {
        JsonNode service = specs.read(reference);
        boolean operator = clusterRoles.has(Role.OPERATOR);
        JsonNode previous = service.path("PreviousSpec");
        return new ServiceSpec(service.path("ID").asText(), service.path("Spec").path("Name").asText(),
                service.path("Version").path("Index").asLong(), pretty(service.path("Spec"), operator),
                previous.isObject() ? pretty(previous, operator) : null);
    }

    /**
     * Changes the settings the edit names and keeps every other, as one write at the version read (retried on a fresh
     * read when someone else wrote meanwhile, unless the edit quotes the version it was reviewed against: then it is
     * refused). Through the deployment policy, as a create is, and as any change of a privileged service is.
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.edit")
    public ServiceWriteResult edit(String reference, ServiceEdit edit) {
        List<String> warnings = new ArrayList<>();
        List<List<PolicyViolation>> bypassed = new ArrayList<>();
        String[] id = new String[1];
        VersionedUpdate.retry(() -> {
            warnings.clear();
            JsonNode service = current(reference, edit.version());
            Edited edited = edited(service, edit, warnings);
            bypassed.add(policy.enforce(edited.violations()));
            specs.write(service, edited.spec());
            id[0] = service.path("ID").asText();
        });
        return new ServiceWriteResult(readBack(id[0]), warnings, bypassed.get(bypassed.size() - 1));
    }

    /** What {@link #edit} would write and what the policy would say of it, changing nothing. */
    @RolesAllowed(Role.OPERATOR_NAME)
    public ServiceEditPreview previewEdit(String reference, ServiceEdit edit) {
        List<String> warnings = new ArrayList<>();
        JsonNode service = current(reference, edit.version());
        Edited edited = edited(service, edit, warnings);
        return new ServiceEditPreview(service.path("Spec").path("Name").asText(), service.path("Version").path("Index").asLong(),
                pretty(service.path("Spec"), true), pretty(edited.spec(), true), warnings, edited.violations());
    }

    private static final String HIDDEN = "(hidden from viewers)";

    private static JsonNode hidden(JsonNode spec) {
        ObjectNode copy = spec.deepCopy();
        JsonNode container = copy.path("TaskTemplate").path("ContainerSpec");
        if (container.path("Env") instanceof ArrayNode env) {
            for (int i = 0; i < env.size(); i++) {
                String variable = env.get(i).asText();
                env.set(i, variable.contains("=") ? variable.substring(0, variable.indexOf('=') + 1) + HIDDEN : variable);
            }
        }
        for (String field : List.of("Command", "Args")) {
            if (container.path(field) instanceof ArrayNode values && !values.isEmpty()) {
                ((ObjectNode) container).putArray(field).add(HIDDEN);
            }
        }
        if (container.path("Healthcheck").path("Test") instanceof ArrayNode test && test.size() > 1) {
            ((ObjectNode) container.path("Healthcheck")).putArray("Test").add(test.get(0).asText()).add(HIDDEN);
        }
        if (copy.path("TaskTemplate").path("LogDriver").path("Options") instanceof ObjectNode options) {
            List<String> names = new ArrayList<>();
            options.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> options.put(name, HIDDEN));
        }
        return copy;
    }

    /** The Compose keys that change what a service's container runs, and so what it could do with the secrets it holds. */
    private static final java.util.Set<String> RUNS = java.util.Set.of("entrypoint", "command", "healthcheck", "user", "volumes",
            "tmpfs", "cap_add");

    /** The secrets the spec names that are not labelled for sharing. */
    private List<String> unsharedSecrets(JsonNode spec) {
        List<String> held = new ArrayList<>();
        for (JsonNode reference : spec.path("TaskTemplate").path("ContainerSpec").path("Secrets")) {
            String name = reference.path("SecretName").asText();
            JsonNode secret = objects.named(Kind.SECRETS, name);
            if (secret == null || !policy.rules().isShared(secret.path("Spec").path("Labels"))) {
                held.add(name);
            }
        }
        return held;
    }

    /**
     * What a rollback would bring back that the current spec does not hold: the networks, secrets and configs of the
     * previous spec, judged as a create's would be (an admin may have removed one an operator may not use).
     */
    private List<PolicyViolation> returning(String path, JsonNode previous, JsonNode current) {
        List<PolicyViolation> violations = new ArrayList<>();
        for (JsonNode attachment : previous.path("TaskTemplate").path("Networks")) {
            String target = attachment.path("Target").asText();
            if (hasReference(current.path("TaskTemplate").path("Networks"), "Target", target)) {
                continue;
            }
            JsonNode network = objects.all(Kind.NETWORKS).stream()
                    .filter(n -> n.path("Id").asText().equals(target) || n.path("Name").asText().equals(target)).findFirst().orElse(null);
            violations.addAll(at(path + ".networks", policy.rules().external("network", path,
                    network == null ? target : network.path("Name").asText(), network == null ? MissingNode.getInstance() : network.path("Labels"))));
        }
        JsonNode was = current.path("TaskTemplate").path("ContainerSpec");
        for (String[] kind : List.of(new String[] {"Secrets", "SecretName", "secret"}, new String[] {"Configs", "ConfigName", "config"})) {
            for (JsonNode reference : previous.path("TaskTemplate").path("ContainerSpec").path(kind[0])) {
                String name = reference.path(kind[1]).asText();
                if (find(was.path(kind[0]), kind[1], name) != null) {
                    continue;
                }
                JsonNode object = objects.named(kind[2].equals("secret") ? Kind.SECRETS : Kind.CONFIGS, name);
                violations.addAll(at(path + "." + kind[2] + "s", policy.rules().external(kind[2], path, name,
                        object == null ? MissingNode.getInstance() : object.path("Spec").path("Labels"))));
            }
        }
        return violations;
    }

    private record Edited(ObjectNode spec, List<PolicyViolation> violations) {
    }

    private JsonNode current(String reference, Long version) {
        JsonNode service = specs.read(reference);
        long current = service.path("Version").path("Index").asLong();
        if (version != null && version != current) {
            throw new OperationConflictException("services.changed-since", service.path("Spec").path("Name").asText(), version, current);
        }
        return service;
    }

    private Edited edited(JsonNode service, ServiceEdit edit, List<String> warnings) {
        ComposeNode changes = ComposeLoader.loadService("changes", edit.changes(), edit.variables(), warnings);
        JsonNode current = service.path("Spec");
        ObjectNode next = ServiceEdits.apply(current, changes, warnings);
        String path = path(current);
        List<PolicyViolation> violations = new ArrayList<>(policy.rules().changeOf(path, current, policy.managers()));
        violations.addAll(policy.rules().service(path, next, policy.managers()));
        violations.addAll(resolveReferences(path, next, current));
        List<String> runs = changes.keys().stream().filter(RUNS::contains).toList();
        if (!runs.isEmpty()) {
            violations.addAll(policy.rules().runsWithSecrets(path, runs, unsharedSecrets(next)));
        }
        return new Edited(next, violations);
    }

    /**
     * Gives each network, secret and config the spec names, and the current spec did not, the ID of the existing one
     * of that name (409 when there is none), and says what the policy thinks of using it: like a stack's external
     * objects, an operator may use only those an admin labelled for sharing.
     *
     * @param current the spec before the change; null for a new service
     */
    private List<PolicyViolation> resolveReferences(String path, ObjectNode spec, JsonNode current) {
        List<PolicyViolation> violations = new ArrayList<>();
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        JsonNode was = current == null ? null : current.path("TaskTemplate").path("ContainerSpec");
        JsonNode networks = spec.path("TaskTemplate").path("Networks");
        for (int i = 0; i < networks.size(); i++) {
            JsonNode attachment = networks.get(i);
            String target = attachment.path("Target").asText();
            if (current != null && hasReference(current.path("TaskTemplate").path("Networks"), "Target", target)) {
                continue;
            }
            JsonNode network = objects.named(Kind.NETWORKS, target);
            if (network == null || !network.path("Scope").asText().equals("swarm")) {
                throw new OperationConflictException(network == null ? Phrase.of("services.network-missing", target)
                        : Phrase.of("services.network-scope", target, network.path("Scope").asText()));
            }
            String networkId = network.path("Id").asText();
            ((ObjectNode) attachment).put("Target", networkId);
            if (current == null || !hasReference(current.path("TaskTemplate").path("Networks"), "Target", networkId)) {
                violations.addAll(at(path + ".networks[" + i + "]", policy.rules().external("network", path, target, network.path("Labels"))));
            }
        }
        violations.addAll(resolveFiles(Kind.SECRETS, "secret", path, container.path("Secrets"), was == null ? null : was.path("Secrets")));
        violations.addAll(resolveFiles(Kind.CONFIGS, "config", path, container.path("Configs"), was == null ? null : was.path("Configs")));
        return violations;
    }

    private List<PolicyViolation> resolveFiles(Kind kind, String singular, String path, JsonNode references, JsonNode before) {
        String nameField = kind == Kind.SECRETS ? "SecretName" : "ConfigName";
        String idField = kind == Kind.SECRETS ? "SecretID" : "ConfigID";
        List<PolicyViolation> violations = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            JsonNode reference = references.get(i);
            String name = reference.path(nameField).asText();
            JsonNode known = before == null ? null : find(before, nameField, name);
            if (known != null) {
                ((ObjectNode) reference).put(idField, known.path(idField).asText());
                continue;
            }
            JsonNode object = objects.named(kind, name);
            if (object == null) {
                throw new OperationConflictException("services.object-missing", ResourceNotFoundException.kind(singular), name);
            }
            violations.addAll(at(path + "." + singular + "s[" + i + "]",
                    policy.rules().external(singular, path, name, object.path("Spec").path("Labels"))));
            ((ObjectNode) reference).put(idField, object.path("ID").asText());
        }
        return violations;
    }

    /** The rules name a stack file's top-level object; a service's reference to it stands at {@code path}. */
    private static List<PolicyViolation> at(String path, List<PolicyViolation> violations) {
        return violations.stream().map(v -> new PolicyViolation(v.rule(), path, v.value(), v.reason(), v.adminMay(), v.line())).toList();
    }

    private static boolean hasReference(JsonNode references, String field, String value) {
        return find(references, field, value) != null;
    }

    private static JsonNode find(JsonNode references, String field, String value) {
        for (JsonNode reference : references) {
            if (reference.path(field).asText().equals(value)) {
                return reference;
            }
        }
        return null;
    }

    /**
     * Swarm's rollback to the spec before the last update ({@code docker service rollback}), task by task as the
     * service's rollback config says. The policy judges the spec rolled back to as it would a new one: a rollback must
     * not bring back what an operator could not deploy (an admin's earlier privileged spec).
     */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.rollback")
    public SwarmService rollback(String reference) {
        String[] id = new String[1];
        VersionedUpdate.retry(() -> {
            JsonNode service = specs.read(reference);
            JsonNode previous = service.path("PreviousSpec");
            String name = service.path("Spec").path("Name").asText();
            if (!previous.isObject()) {
                throw new OperationConflictException("services.no-rollback", name);
            }
            String path = path(service.path("Spec"));
            List<PolicyViolation> violations = new ArrayList<>(policy.rules().changeOf(path, service.path("Spec"), policy.managers()));
            violations.addAll(policy.rules().service(path, previous, policy.managers()));
            violations.addAll(returning(path, previous, service.path("Spec")));
            policy.enforce(violations);
            specs.rollback(service);
            id[0] = service.path("ID").asText();
        });
        return readBack(id[0]);
    }

    /** Restarts every task of the service on the same spec ({@code docker service update --force}), one by one as its update config says. */
    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("services.redeploy")
    public SwarmService redeploy(String reference) {
        specs.update(reference, spec -> {
            policy.enforce(policy.rules().changeOf(path(spec), spec, policy.managers()));
            ServiceSpecs.forceUpdate(spec);
        });
        return readBack(reference);
    }

    /**
     * A spec as the API shows it; {@code complete} false (for viewers) hides what may hold credentials: each environment
     * variable's value (its name stays), the command and its arguments, the health check's command, the log driver's
     * options.
     */
    private static String pretty(JsonNode spec, boolean complete) {
        JsonNode shown = complete ? spec : hidden(spec);
        try {
            Object tree = PRETTY.treeToValue(shown, Object.class); // as maps, so that keys come out sorted
            return PRETTY.writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a spec read as JSON could not be written as JSON", e);
        }
    }

    /** Removes the service; Swarm stops its tasks. */
    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("services.remove")
    public void remove(String reference) {
        var service = calls.call(SERVICE, reference, () -> docker.inspectServiceCmd(reference).exec());
        calls.run(SERVICE, reference, () -> docker.removeServiceCmd(service.getId()).exec());
        mirror.refreshService(service.getId());
    }
}
