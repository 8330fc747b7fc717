package dev.swarmmanager.secrets.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.domain.FileKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which services refer to which secrets and configs, read from the services' specs. */
@ApplicationScoped
public class FileReferences {

    @Inject
    EngineObjects objects;

    /** Every service's references, by the object's name: one Engine call. */
    public Map<String, List<String>> users(FileKind kind) {
        Map<String, List<String>> users = new HashMap<>();
        for (JsonNode service : objects.all(Kind.SERVICES)) {
            for (JsonNode ref : refs(kind, service)) {
                List<String> list = users.computeIfAbsent(ref.path(nameField(kind)).asText(), k -> new ArrayList<>());
                String name = service.path("Spec").path("Name").asText();
                if (!list.contains(name)) {
                    list.add(name);
                }
            }
        }
        users.values().forEach(l -> l.sort(null));
        return users;
    }

    /** The services that refer to the object, as the Engine answers them. */
    public List<JsonNode> servicesUsing(FileKind kind, String name) {
        return objects.all(Kind.SERVICES).stream().filter(service -> {
            for (JsonNode ref : refs(kind, service)) {
                if (ref.path(nameField(kind)).asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    /** A service's references to secrets or configs. */
    public static JsonNode refs(FileKind kind, JsonNode service) {
        return specRefs(kind, service.path("Spec"));
    }

    /** A service spec's references to secrets or configs. */
    public static JsonNode specRefs(FileKind kind, JsonNode spec) {
        return spec.path("TaskTemplate").path("ContainerSpec").path(kind == FileKind.SECRET ? "Secrets" : "Configs");
    }

    public static String nameField(FileKind kind) {
        return kind == FileKind.SECRET ? "SecretName" : "ConfigName";
    }

    public static String idField(FileKind kind) {
        return kind == FileKind.SECRET ? "SecretID" : "ConfigID";
    }

    public static Kind kind(FileKind kind) {
        return kind == FileKind.SECRET ? Kind.SECRETS : Kind.CONFIGS;
    }
}
