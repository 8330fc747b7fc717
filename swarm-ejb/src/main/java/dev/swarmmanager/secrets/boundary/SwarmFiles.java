package dev.swarmmanager.secrets.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.audit.boundary.AuditLog;
import dev.swarmmanager.audit.control.Attempt;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.compose.ComposeTranslator;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.Times;
import dev.swarmmanager.docker.VersionedUpdate;
import dev.swarmmanager.domain.AuditOutcome;
import dev.swarmmanager.domain.FileDraft;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.Rotation;
import dev.swarmmanager.domain.SwarmFile;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.secrets.control.FileReferences;
import dev.swarmmanager.secrets.control.OldVersions;
import dev.swarmmanager.security.ClusterRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Secrets and configs: see the package. */
@Stateless
@RolesAllowed(Role.VIEWER_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Docker is not transactional
public class SwarmFiles {

    /** Swarm's rule for secret and config names. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](?:[a-zA-Z0-9_.-]{0,62}[a-zA-Z0-9])?");
    private static final Pattern VERSIONED = Pattern.compile("(.*)_v(\\d{1,6})");
    /** The Engine's own limits: 500 KB for a secret, 1000 KB for a config. */
    private static final int MAX_SECRET = 500 * 1024;
    private static final int MAX_CONFIG = 1000 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EngineObjects objects;

    @Inject
    EngineApi engine;

    @Inject
    DeploymentPolicy policy;

    @Inject
    FileReferences references;

    @Inject
    OldVersions oldVersions;

    @Inject
    AuditLog audit;

    @Inject
    SecurityContext security;

    /** The caller\'s roles on the cluster this call works on (narrower than the container\'s on some). */
    @Inject
    ClusterRoles clusterRoles;

    /** The secrets or configs, each with the services that use it; from three Engine calls whatever their number. */
    public List<SwarmFile> list(FileKind kind) {
        Map<String, List<String>> users = references.users(kind);
        return objects.all(FileReferences.kind(kind)).stream().map(o -> file(kind, o, users, false))
                .sorted(java.util.Comparator.comparing(SwarmFile::name)).toList();
    }

    /** One secret or config by name or ID; a config with its content (configs are not secret). */
    public SwarmFile get(FileKind kind, String reference) {
        JsonNode found = find(kind, reference);
        return file(kind, found, references.users(kind), kind == FileKind.CONFIG);
    }

    /** The last rotations since the server started, newest first, with their progress. */
    public List<Rotation> rotations() {
        return oldVersions.recent();
    }

    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("secrets.create")
    public SwarmFile createSecret(FileDraft draft) {
        return create(FileKind.SECRET, draft);
    }

    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("configs.create")
    public SwarmFile createConfig(FileDraft draft) {
        return create(FileKind.CONFIG, draft);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("secrets.remove")
    public void removeSecret(String name) {
        remove(FileKind.SECRET, name);
    }

    @RolesAllowed(Role.ADMIN_NAME)
    @Audited("configs.remove")
    public void removeConfig(String name) {
        remove(FileKind.CONFIG, name);
    }

    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("secrets.rotate")
    public Rotation rotateSecret(String name, FileDraft next) {
        return rotate(FileKind.SECRET, name, next);
    }

    @RolesAllowed(Role.OPERATOR_NAME)
    @Audited("configs.rotate")
    public Rotation rotateConfig(String name, FileDraft next) {
        return rotate(FileKind.CONFIG, name, next);
    }

    private SwarmFile create(FileKind kind, FileDraft draft) {
        validate(kind, draft.name(), draft.content());
        if (draft.labels().keySet().stream().anyMatch(k -> k.startsWith("com.docker.stack."))) {
            throw new InvalidRequestException("labels", "labels.stack-tooling");
        }
        List<PolicyViolation> violations = new ArrayList<>(labelsRule(kind, draft.name(), draft.labels()));
        if (objects.named(FileReferences.kind(kind), draft.name()) != null) {
            throw new OperationConflictException("files.exists", kind.noun(), draft.name(), kind.nouns());
        }
        policy.enforce(violations);
        objects.create(FileReferences.kind(kind), spec(draft.name(), draft.content(), draft.labels()));
        return get(kind, draft.name());
    }

    /** Refused while a service uses it, naming them: Swarm would refuse too, without saying which. */
    private void remove(FileKind kind, String reference) {
        JsonNode found = find(kind, reference);
        String name = found.path("Spec").path("Name").asText();
        List<String> using = references.users(kind).getOrDefault(name, List.of());
        if (!using.isEmpty()) {
            throw new OperationConflictException("files.in-use", kind.noun(), name, String.join(", ", using));
        }
        policy.enforce(labelsRule(kind, name, labels(found.path("Spec").path("Labels"))));
        objects.delete(FileReferences.kind(kind), found.path("ID").asText());
    }

    /**
     * Makes the next version ({@code db_password} becomes {@code db_password_v2}, {@code _v2} becomes {@code _v3}), moves
     * each service that uses the old one to it, one rolling update each through the versioned write and the deployment
     * policy; the old one is removed once their updates have completed ({@link OldVersions}, without holding this
     * request). A failure midway stops there: the services moved stay on the new version, the others on the old one,
     * both versions exist, and the message (and the rotation's progress) says which is where.
     */
    private Rotation rotate(FileKind kind, String reference, FileDraft next) {
        JsonNode old = find(kind, reference);
        String oldName = old.path("Spec").path("Name").asText();
        validate(kind, oldName, next.content());
        String newName = nextName(oldName);
        if (objects.named(FileReferences.kind(kind), newName) != null) {
            throw new OperationConflictException("files.next-exists", kind.noun(), newName);
        }
        Map<String, String> labels = labels(old.path("Spec").path("Labels"));
        if (labels.containsKey(ComposeTranslator.NAMESPACE_LABEL)) {
            // The stack's file names it: its next deploy would make the old one again and move the services back
            throw new OperationConflictException("files.in-stack", kind.noun(), oldName, labels.get(ComposeTranslator.NAMESPACE_LABEL));
        }
        List<PolicyViolation> violations = new ArrayList<>(labelsRule(kind, oldName, labels));
        List<JsonNode> using = references.servicesUsing(kind, oldName);
        ObjectNode labelNode = JSON.createObjectNode();
        labels.forEach(labelNode::put);
        if (!using.isEmpty() && !policy.rules().isShared(labelNode)) {
            // The new content is the rotator's choice: for services that use an object not shared with operators, that
            // would hand an operator a credential (or a configuration) of services they may not give it to
            violations.add(new PolicyViolation(dev.swarmmanager.rules.PolicyRules.EXTERNAL_OBJECTS, kind.plural() + "." + oldName,
                    kind + " " + oldName, Phrase.of("policy.rotation", String.join(", ",
                    using.stream().map(u -> u.path("Spec").path("Name").asText()).toList())), true, null));
        }
        for (JsonNode service : using) {
            String path = "services." + service.path("Spec").path("Name").asText();
            violations.addAll(policy.rules().changeOf(path, service.path("Spec"), policy.managers()));
        }
        policy.enforce(violations);
        String newId = objects.create(FileReferences.kind(kind), spec(newName, next.content(), labels)).path("ID").asText();
        List<OldVersions.Moved> moved = new ArrayList<>();
        for (JsonNode service : using) {
            String name = service.path("Spec").path("Name").asText();
            try {
                moved.add(new OldVersions.Moved(service.path("ID").asText(), name, move(kind, service.path("ID").asText(), oldName, newName, newId)));
            } catch (RuntimeException e) {
                List<String> names = moved.stream().map(OldVersions.Moved::name).toList();
                Phrase where = Phrase.of("files.rotation-stopped", kind.noun(), oldName, name, OldVersions.shown(e),
                        names.isEmpty() ? Phrase.of("files.no-service") : String.join(", ", names), newName);
                oldVersions.stopped(Rotation.started(kind, oldName, newName, names).stillUpdating(List.of()).kept(where.toString()));
                throw new OperationConflictException(where, e);
            }
        }
        Rotation started = Rotation.started(kind, oldName, newName, moved.stream().map(OldVersions.Moved::name).toList());
        // What became of the old version is known later: audited then, as the rotator's, beside the rotation's own row
        String user = security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
        String role = clusterRoles.has(Role.ADMIN) ? Role.ADMIN_NAME : Role.OPERATOR_NAME;
        return oldVersions.retire(started, old.path("ID").asText(), moved, settled -> audit.recordFor(user, role,
                new Attempt(kind.plural() + ".rotate-old-version", oldName, Map.of("to", newName)),
                settled.oldRemoved() ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED, settled.detail()));
    }

    /**
     * Points the service's references to the new version: same file, path, owner and mode; a rolling update.
     *
     * @return when the service's last update before this one started, {@code null} if it was never updated
     */
    private String move(FileKind kind, String serviceId, String oldName, String newName, String newId) {
        String[] previousStart = new String[1];
        VersionedUpdate.retry(() -> {
            JsonNode service = objects.inspect(Kind.SERVICES, serviceId);
            previousStart[0] = service.path("UpdateStatus").path("StartedAt").asText(null);
            ObjectNode spec = service.path("Spec").deepCopy();
            for (JsonNode ref : FileReferences.specRefs(kind, spec)) {
                if (ref.path(FileReferences.nameField(kind)).asText().equals(oldName)) {
                    ((ObjectNode) ref).put(FileReferences.nameField(kind), newName).put(FileReferences.idField(kind), newId);
                }
            }
            objects.update(Kind.SERVICES, serviceId, service.path("Version").path("Index").asLong(), spec);
        });
        return previousStart[0];
    }

    private static String nextName(String name) {
        Matcher m = VERSIONED.matcher(name);
        String next = m.matches() ? m.group(1) + "_v" + (Long.parseLong(m.group(2)) + 1) : name + "_v2";
        if (next.length() > 64) {
            throw new InvalidRequestException("name", "files.next-too-long", next);
        }
        return next;
    }

    /** Labelling for sharing is an admin's decision; a stack's label would make the object pass for the stack's own. */
    private List<PolicyViolation> labelsRule(FileKind kind, String name, Map<String, String> labels) {
        ObjectNode node = JSON.createObjectNode();
        labels.forEach(node::put);
        if (!policy.rules().isShared(node)) {
            return List.of();
        }
        return List.of(new PolicyViolation(dev.swarmmanager.rules.PolicyRules.EXTERNAL_OBJECTS, kind.plural() + "." + name + ".labels",
                kind + " " + name, Phrase.of("policy.shared-object"), true, null));
    }

    private void validate(FileKind kind, String name, String content) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "files.name");
        }
        if (content == null || content.isEmpty()) {
            throw new InvalidRequestException("content", "files.content-required", kind.noun());
        }
        int max = kind == FileKind.SECRET ? MAX_SECRET : MAX_CONFIG;
        if (content.getBytes(StandardCharsets.UTF_8).length > max) {
            throw new InvalidRequestException("content", "files.content-too-large", max / 1024, kind.noun());
        }
    }

    private static ObjectNode spec(String name, String content, Map<String, String> labels) {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("Name", name);
        ObjectNode l = spec.putObject("Labels");
        new TreeMap<>(labels).forEach(l::put);
        spec.put("Data", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
        return spec;
    }

    private JsonNode find(FileKind kind, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 128) {
            throw new InvalidRequestException("name", "files.reference-required", kind.noun());
        }
        dev.swarmmanager.docker.DockerCalls.checkReference(kind.toString(), reference); // no such name: 404, never sent to the Engine
        JsonNode found = objects.named(FileReferences.kind(kind), reference);
        if (found == null) {
            found = objects.all(FileReferences.kind(kind)).stream().filter(o -> o.path("ID").asText().equals(reference)).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(kind.toString(), reference));
        }
        return found;
    }

    private SwarmFile file(FileKind kind, JsonNode o, Map<String, List<String>> users, boolean withContent) {
        String name = o.path("Spec").path("Name").asText();
        Map<String, String> labels = labels(o.path("Spec").path("Labels"));
        String content = withContent && kind == FileKind.CONFIG
                ? new String(Base64.getDecoder().decode(o.path("Spec").path("Data").asText("")), StandardCharsets.UTF_8) : null;
        return new SwarmFile(o.path("ID").asText(), name, kind, labels, users.getOrDefault(name, List.of()),
                labels.get(ComposeTranslator.NAMESPACE_LABEL), Times.parse(o.path("CreatedAt").asText(null)),
                Times.parse(o.path("UpdatedAt").asText(null)), content, oldVersions.of(kind, name).orElse(null));
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new TreeMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
