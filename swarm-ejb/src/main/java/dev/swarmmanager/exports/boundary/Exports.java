package dev.swarmmanager.exports.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.compose.ComposeExport;
import dev.swarmmanager.compose.ComposeTranslator;
import dev.swarmmanager.compose.StackNames;
import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.domain.ComposeDocument;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Compose files of what runs. For operators and admins: a service's environment may hold credentials, which viewers do
 * not see elsewhere either.
 */
@Stateless
@RolesAllowed(Role.OPERATOR_NAME)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // reads Docker only
public class Exports {

    @Inject
    EngineObjects objects;

    /** One service of its own as the body {@code POST /services} takes back (a stack's service too, by its full name). */
    public ComposeDocument service(String reference) {
        return serviceDocument(reference, false);
    }

    /**
     * The service as a template keeps it: as {@link #service}, each environment variable whose name says secret
     * turned into a required parameter, so that its value is never kept where viewers read.
     */
    public ComposeDocument serviceForTemplate(String reference) {
        return serviceDocument(reference, true);
    }

    private ComposeDocument serviceDocument(String reference, boolean secretsAsParameters) {
        JsonNode service = objects.inspect(Kind.SERVICES, reference);
        List<String> warnings = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        objects.all(Kind.NETWORKS).forEach(n -> names.put(n.path("Id").asText(), n.path("Name").asText()));
        JsonNode spec = service.path("Spec");
        Map<String, Object> document = secretsAsParameters ? ComposeExport.serviceWithSecretsAsParameters(spec, names, warnings)
                : ComposeExport.service(spec, names, warnings);
        return new ComposeDocument(spec.path("Name").asText(), ComposeExport.yaml(document), warnings);
    }

    /** A stack as a file that {@code deploy-stack} (or {@code docker stack deploy}) takes back. */
    public ComposeDocument stack(String name) {
        StackNames.validateStack(name);
        List<JsonNode> services = objects.labelled(Kind.SERVICES, ComposeTranslator.NAMESPACE_LABEL + "=" + name);
        if (services.isEmpty()) {
            throw new ResourceNotFoundException("stack", name);
        }
        return stackDocument(name, services, networksById());
    }

    private ComposeDocument stackDocument(String name, List<JsonNode> services, Map<String, JsonNode> networks) {
        List<String> warnings = new ArrayList<>();
        List<JsonNode> specs = services.stream().map(s -> s.path("Spec")).toList();
        return new ComposeDocument(name, ComposeExport.yaml(ComposeExport.stack(name, specs, networks, warnings)), warnings);
    }

    private Map<String, JsonNode> networksById() {
        Map<String, JsonNode> networks = new HashMap<>();
        objects.all(Kind.NETWORKS).forEach(n -> networks.put(n.path("Id").asText(), n));
        return networks;
    }

    /**
     * The whole cluster as a zip: {@code stacks/<stack>.yml} for each stack, {@code services/<service>.yml} for each
     * service of its own, and {@code WARNINGS.txt} naming what could not be written. Read in three Engine calls.
     */
    public byte[] archive() {
        Map<String, List<JsonNode>> stacks = new TreeMap<>();
        List<JsonNode> loose = new ArrayList<>();
        for (JsonNode service : objects.all(Kind.SERVICES)) {
            String stack = service.path("Spec").path("Labels").path(ComposeTranslator.NAMESPACE_LABEL).asText(null);
            if (stack == null) {
                loose.add(service);
            } else {
                stacks.computeIfAbsent(stack, k -> new ArrayList<>()).add(service);
            }
        }
        Map<String, JsonNode> networks = networksById();
        Map<String, String> names = new HashMap<>();
        networks.forEach((id, n) -> names.put(id, n.path("Name").asText()));
        List<String> warnings = new ArrayList<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (var stack : stacks.entrySet()) {
                ComposeDocument document = stackDocument(stack.getKey(), stack.getValue(), networks);
                entry(zip, "stacks/" + stack.getKey() + ".yml", document.yaml());
                document.warnings().forEach(w -> warnings.add("stack " + stack.getKey() + ": " + w));
            }
            for (JsonNode service : loose) {
                List<String> serviceWarnings = new ArrayList<>();
                String name = service.path("Spec").path("Name").asText();
                entry(zip, "services/" + name + ".yml", ComposeExport.yaml(ComposeExport.service(service.path("Spec"), names, serviceWarnings)));
                serviceWarnings.forEach(w -> warnings.add("service " + name + ": " + w));
            }
            entry(zip, "WARNINGS.txt", "Exported " + Instant.now() + ". Secrets and configs are named, never copied: "
                    + "they must exist (or be created again) before a file is deployed.\n"
                    + (warnings.isEmpty() ? "Nothing was left out.\n" : String.join("\n", warnings) + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
