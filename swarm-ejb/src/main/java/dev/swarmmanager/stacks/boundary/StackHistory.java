package dev.swarmmanager.stacks.boundary;

import dev.swarmmanager.compose.SecretContent;
import dev.swarmmanager.compose.StackNames;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.LineDiff;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.SecretNames;
import dev.swarmmanager.domain.StackDeployed;
import dev.swarmmanager.domain.StackDeployment;
import dev.swarmmanager.domain.StackVersion;
import dev.swarmmanager.domain.StackVersionSummary;
import dev.swarmmanager.stacks.entity.StackVersionRecord;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.io.StringReader;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of every deploy made through this application, numbered per stack: listed, compared, and (through
 * {@link Stacks#redeployVersion}) deployed again. Variables whose name says they are secret are kept without their value,
 * a secret's inline content is taken out of the file (a variable stands for it, and for any variable it used), and files
 * sent with a deploy (secrets, env files) are kept by name only: nothing secret is stored here. For operators and admins,
 * who deploy: a file may hold environment values.
 */
@Stateless
@RolesAllowed(Role.OPERATOR_NAME)
public class StackHistory {

    /** Rows written before several Swarms were managed are the default Swarm's. */
    private static final String ON_THIS_CLUSTER = "(v.cluster = :cluster OR (v.cluster IS NULL AND :cluster = 'default'))";

    @PersistenceContext
    EntityManager entities;

    @Inject
    SecurityContext security;

    /** Keeps the file of a deploy that went through, in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(@Observes StackDeployed deployed) {
        StackDeployment deployment = deployed.deployment();
        StackVersionRecord row = new StackVersionRecord();
        row.stack = deployment.name();
        row.cluster = EngineTarget.clusterName();
        row.version = latest(deployment.name()) + 1;
        // A secret's inline content, and any variable it uses, is kept as a variable without its value
        SecretContent kept = SecretContent.of(deployment.composeFile());
        row.composeFile = kept.file();
        JsonObjectBuilder variables = Json.createObjectBuilder();
        deployment.variables().forEach((name, value) -> {
            if (SecretNames.looksSecret(name) || kept.usedInContent().contains(name)) {
                variables.addNull(name);
            } else {
                variables.add(name, value);
            }
        });
        kept.newVariables().forEach(variables::addNull);
        row.variables = variables.build().toString();
        row.files = String.join("\n", deployment.files().keySet().stream().sorted().toList());
        row.prune = deployment.prune();
        Principal caller = security.getCallerPrincipal();
        row.user = caller == null ? "unknown" : caller.getName();
        row.deployedAt = Instant.now();
        entities.persist(row);
    }

    /** The stack's versions on the Swarm this request works on, newest first. */
    public List<StackVersionSummary> list(String stack) {
        StackNames.validateStack(stack);
        return entities.createQuery("SELECT v FROM StackVersionRecord v WHERE v.stack = :stack AND " + ON_THIS_CLUSTER
                        + " ORDER BY v.version DESC", StackVersionRecord.class)
                .setParameter("stack", stack).setParameter("cluster", EngineTarget.clusterName()).getResultList().stream()
                .map(StackHistory::summary).toList();
    }

    public StackVersion get(String stack, int version) {
        StackNames.validateStack(stack);
        List<StackVersionRecord> rows = entities.createQuery(
                        "SELECT v FROM StackVersionRecord v WHERE v.stack = :stack AND v.version = :version AND " + ON_THIS_CLUSTER,
                        StackVersionRecord.class)
                .setParameter("stack", stack).setParameter("version", version).setParameter("cluster", EngineTarget.clusterName())
                .getResultList();
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException("stack version", stack + " " + version);
        }
        return version(rows.get(0));
    }

    /** What changed in the file from one version to another, line by line. */
    public List<String> diff(String stack, int from, int to) {
        return LineDiff.of(get(stack, from).composeFile(), get(stack, to).composeFile());
    }

    /**
     * The newest version's number on any Swarm, 0 when none is kept. Versions are numbered per stack name across the
     * Swarms (a stack of the same name on two of them gets numbers apart), so the numbers stay unique in the table.
     */
    public int latest(String stack) {
        Integer latest = entities.createQuery("SELECT MAX(v.version) FROM StackVersionRecord v WHERE v.stack = :stack", Integer.class)
                .setParameter("stack", stack).getSingleResult();
        return latest == null ? 0 : latest;
    }

    private static StackVersionSummary summary(StackVersionRecord row) {
        StackVersion v = version(row);
        return new StackVersionSummary(v.stack(), v.version(), v.user(), v.deployedAt(), row.composeFile.length(),
                new ArrayList<>(v.variables().keySet()), v.files());
    }

    private static StackVersion version(StackVersionRecord row) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (row.variables != null && !row.variables.isBlank()) {
            JsonObject stored = Json.createReader(new StringReader(row.variables)).readObject();
            stored.forEach((name, value) -> variables.put(name, value.getValueType() == JsonValue.ValueType.STRING
                    ? stored.getString(name) : null));
        }
        List<String> files = row.files == null || row.files.isBlank() ? List.of() : List.of(row.files.split("\n"));
        return new StackVersion(row.stack, row.version, row.composeFile, variables, files, row.prune, row.user, row.deployedAt);
    }

    /** A version's variables with the secret ones given again; refused while any is still missing. */
    static Map<String, String> variables(StackVersion version, Map<String, String> given) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        version.variables().forEach((name, value) -> {
            String v = given.containsKey(name) ? given.get(name) : value;
            if (v == null) {
                missing.add(name);
            } else {
                variables.put(name, v);
            }
        });
        given.forEach(variables::putIfAbsent);
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("variables", "stacks.secret-variables-again", String.join(", ", missing), version.version());
        }
        return variables;
    }
}
