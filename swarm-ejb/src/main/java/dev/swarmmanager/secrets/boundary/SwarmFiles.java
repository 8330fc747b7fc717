package dev.swarmmanager.secrets.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.audit.control.Audited;
import dev.swarmmanager.compose.ComposeTranslator;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.docker.VersionedUpdate;
import dev.swarmmanager.domain.FileDraft;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.PolicyViolation;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.Rotation;
import dev.swarmmanager.domain.SwarmFile;
import dev.swarmmanager.policy.boundary.DeploymentPolicy;
import dev.swarmmanager.docker.Times;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
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
    /** The longest a rotation waits for the services' rolling updates before it leaves the old version in place. */
    static final int SETTLE_SECONDS = 60;

    @Inject
    EngineObjects objects;

    @Inject
    EngineApi engine;

    @Inject
    DeploymentPolicy policy;

    /** The secrets or configs, each with the services that use it; from three Engine calls whatever their number. */
    public List<SwarmFile> list(FileKind kind) {
        Map<String, List<String>> users = users(kind);
        return objects.all(kind(kind)).stream().map(o -> file(kind, o, users, false))
                .sorted(java.util.Comparator.comparing(SwarmFile::name)).toList();
    }

    /** One secret or config by name or ID; a config with its content (configs are not secret). */
    public SwarmFile get(FileKind kind, String reference) {
        JsonNode found = find(kind, reference);
        return file(kind, found, users(kind), kind == FileKind.CONFIG);
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
            throw new InvalidRequestException("labels", "cannot set com.docker.stack.* labels: they belong to the stack tooling");
        }
        List<PolicyViolation> violations = new ArrayList<>(labelsRule(kind, draft.name(), draft.labels()));
        if (objects.named(kind(kind), draft.name()) != null) {
            throw new OperationConflictException(kind + " " + draft.name() + " exists already: Swarm " + kind.plural()
                    + " cannot change, rotate it to a new version instead");
        }
        policy.enforce(violations);
        objects.create(kind(kind), spec(draft.name(), draft.content(), draft.labels()));
        return get(kind, draft.name());
    }

    /** Refused while a service uses it, naming them: Swarm would refuse too, without saying which. */
    private void remove(FileKind kind, String reference) {
        JsonNode found = find(kind, reference);
        String name = found.path("Spec").path("Name").asText();
        List<String> using = users(kind).getOrDefault(name, List.of());
        if (!using.isEmpty()) {
            throw new OperationConflictException(kind + " " + name + " is used by " + String.join(", ", using)
                    + ": remove it from them first (or rotate it)");
        }
        policy.enforce(labelsRule(kind, name, labels(found.path("Spec").path("Labels"))));
        objects.delete(kind(kind), found.path("ID").asText());
    }

    /**
     * Makes the next version ({@code db_password} becomes {@code db_password_v2}, {@code _v2} becomes {@code _v3}), moves
     * each service that uses the old one to it, one rolling update each through the versioned write and the deployment
     * policy, and removes the old one when no service uses it any more. A failure midway stops there: the services moved
     * stay on the new version, the others on the old one, both versions exist, and the message says which is where.
     */
    private Rotation rotate(FileKind kind, String reference, FileDraft next) {
        JsonNode old = find(kind, reference);
        String oldName = old.path("Spec").path("Name").asText();
        validate(kind, oldName, next.content());
        String newName = nextName(oldName);
        if (objects.named(kind(kind), newName) != null) {
            throw new OperationConflictException(kind + " " + newName + " exists already: remove it, or rotate " + newName + " instead");
        }
        Map<String, String> labels = labels(old.path("Spec").path("Labels"));
        if (labels.containsKey(ComposeTranslator.NAMESPACE_LABEL)) {
            // The stack's file names it: its next deploy would make the old one again and move the services back
            throw new OperationConflictException(kind + " " + oldName + " belongs to stack " + labels.get(ComposeTranslator.NAMESPACE_LABEL)
                    + ": change it in the stack's file (under a new name) and redeploy the stack");
        }
        List<PolicyViolation> violations = new ArrayList<>(labelsRule(kind, oldName, labels));
        List<JsonNode> using = servicesUsing(kind, oldName);
        ObjectNode labelNode = JSON.createObjectNode();
        labels.forEach(labelNode::put);
        if (!using.isEmpty() && !policy.rules().isShared(labelNode)) {
            // The new content is the rotator's choice: for services that use an object not shared with operators, that
            // would hand an operator a credential (or a configuration) of services they may not give it to
            violations.add(new PolicyViolation(dev.swarmmanager.rules.PolicyRules.EXTERNAL_OBJECTS, kind.plural() + "." + oldName,
                    kind + " " + oldName, "not labelled for sharing and used by " + String.join(", ",
                    using.stream().map(u -> u.path("Spec").path("Name").asText()).toList()) + ": its rotation is for admins", true, null));
        }
        for (JsonNode service : using) {
            String path = "services." + service.path("Spec").path("Name").asText();
            violations.addAll(policy.rules().changeOf(path, service.path("Spec"), policy.managers()));
        }
        policy.enforce(violations);
        String newId = objects.create(kind(kind), spec(newName, next.content(), labels)).path("ID").asText();
        List<String> moved = new ArrayList<>();
        for (JsonNode service : using) {
            String name = service.path("Spec").path("Name").asText();
            try {
                move(kind, service.path("ID").asText(), oldName, newName, newId);
                moved.add(name);
            } catch (RuntimeException e) {
                throw new OperationConflictException("rotation of " + kind + " " + oldName + " stopped at service " + name + " ("
                        + e.getMessage() + "): " + (moved.isEmpty() ? "no service" : String.join(", ", moved)) + " moved to " + newName
                        + ", the others still use " + oldName + "; both exist. Edit the services left to use " + newName
                        + " (or remove " + newName + " and rotate again)", e);
            }
        }
        return new Rotation(kind, oldName, newName, moved, removeWhenSettled(kind, old, oldName, using));
    }

    /**
     * Removes the old version once every moved service's rolling update has completed (a failing update rolls back to
     * the old version and needs it), within {@link #SETTLE_SECONDS}; otherwise, or while a service still uses it, keeps it.
     */
    private boolean removeWhenSettled(FileKind kind, JsonNode old, String oldName, List<JsonNode> moved) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
        for (JsonNode service : moved) {
            String id = service.path("ID").asText();
            while (true) {
                String state = objects.inspect(Kind.SERVICES, id).path("UpdateStatus").path("State").asText("completed");
                if (state.equals("completed")) {
                    break;
                }
                if (!state.equals("updating") || System.nanoTime() > deadline) {
                    return false; // paused, rolled back or still going: the old version stays, and the API says so
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        try {
            return servicesUsing(kind, oldName).isEmpty() && objects.delete(kind(kind), old.path("ID").asText());
        } catch (OperationConflictException | InvalidRequestException inUseMeanwhile) {
            return false; // a service took it up between the check and the removal
        }
    }

    private void move(FileKind kind, String serviceId, String oldName, String newName, String newId) {
        String field = kind == FileKind.SECRET ? "Secrets" : "Configs";
        String nameField = kind == FileKind.SECRET ? "SecretName" : "ConfigName";
        String idField = kind == FileKind.SECRET ? "SecretID" : "ConfigID";
        VersionedUpdate.retry(() -> {
            JsonNode service = objects.inspect(Kind.SERVICES, serviceId);
            ObjectNode spec = service.path("Spec").deepCopy();
            JsonNode refs = spec.path("TaskTemplate").path("ContainerSpec").path(field);
            if (refs instanceof ArrayNode array) {
                array.forEach(ref -> {
                    if (ref.path(nameField).asText().equals(oldName)) {
                        ((ObjectNode) ref).put(nameField, newName).put(idField, newId); // same file, path, owner and mode
                    }
                });
            }
            objects.update(Kind.SERVICES, serviceId, service.path("Version").path("Index").asLong(), spec);
        });
    }

    private static String nextName(String name) {
        Matcher m = VERSIONED.matcher(name);
        String next = m.matches() ? m.group(1) + "_v" + (Long.parseLong(m.group(2)) + 1) : name + "_v2";
        if (next.length() > 64) {
            throw new InvalidRequestException("name", "its next version, " + next + ", would be longer than 64 characters");
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
                kind + " " + name, "labelled for sharing: for admins", true, null));
    }

    private void validate(FileKind kind, String name, String content) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name", "must be letters, digits, '-', '_' and '.', starting and ending with a letter or "
                    + "digit, at most 64 characters");
        }
        if (content == null || content.isEmpty()) {
            throw new InvalidRequestException("content", "is required: the " + kind + "'s content, not empty");
        }
        int max = kind == FileKind.SECRET ? MAX_SECRET : MAX_CONFIG;
        if (content.getBytes(StandardCharsets.UTF_8).length > max) {
            throw new InvalidRequestException("content", "is larger than " + (max / 1024) + " KB, the most Swarm takes for a " + kind);
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
            throw new InvalidRequestException("name", "is required: a " + kind + "'s name or ID");
        }
        dev.swarmmanager.docker.DockerCalls.checkReference(kind.toString(), reference); // no such name: 404, never sent to the Engine
        JsonNode found = objects.named(kind(kind), reference);
        if (found == null) {
            found = objects.all(kind(kind)).stream().filter(o -> o.path("ID").asText().equals(reference)).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(kind.toString(), reference));
        }
        return found;
    }

    /** Who uses what: every service's references, by the object's name. */
    private Map<String, List<String>> users(FileKind kind) {
        Map<String, List<String>> users = new HashMap<>();
        String field = kind == FileKind.SECRET ? "Secrets" : "Configs";
        String nameField = kind == FileKind.SECRET ? "SecretName" : "ConfigName";
        for (JsonNode service : objects.all(Kind.SERVICES)) {
            for (JsonNode ref : service.path("Spec").path("TaskTemplate").path("ContainerSpec").path(field)) {
                List<String> list = users.computeIfAbsent(ref.path(nameField).asText(), k -> new ArrayList<>());
                String name = service.path("Spec").path("Name").asText();
                if (!list.contains(name)) {
                    list.add(name);
                }
            }
        }
        users.values().forEach(l -> l.sort(null));
        return users;
    }

    private List<JsonNode> servicesUsing(FileKind kind, String name) {
        String field = kind == FileKind.SECRET ? "Secrets" : "Configs";
        String nameField = kind == FileKind.SECRET ? "SecretName" : "ConfigName";
        return objects.all(Kind.SERVICES).stream().filter(service -> {
            for (JsonNode ref : service.path("Spec").path("TaskTemplate").path("ContainerSpec").path(field)) {
                if (ref.path(nameField).asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    private static SwarmFile file(FileKind kind, JsonNode o, Map<String, List<String>> users, boolean withContent) {
        String name = o.path("Spec").path("Name").asText();
        Map<String, String> labels = labels(o.path("Spec").path("Labels"));
        String content = withContent && kind == FileKind.CONFIG
                ? new String(Base64.getDecoder().decode(o.path("Spec").path("Data").asText("")), StandardCharsets.UTF_8) : null;
        return new SwarmFile(o.path("ID").asText(), name, kind, labels, users.getOrDefault(name, List.of()),
                labels.get(ComposeTranslator.NAMESPACE_LABEL), Times.parse(o.path("CreatedAt").asText(null)),
                Times.parse(o.path("UpdatedAt").asText(null)), content);
    }

    private static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new TreeMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static Kind kind(FileKind kind) {
        return kind == FileKind.SECRET ? Kind.SECRETS : Kind.CONFIGS;
    }
}
