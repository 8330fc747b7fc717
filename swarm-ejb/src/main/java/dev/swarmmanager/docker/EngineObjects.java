package dev.swarmmanager.docker;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.domain.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Services, networks, secrets and configs as the Engine's JSON: found by label or exact name, created, updated, removed. */
@ApplicationScoped
public class EngineObjects {

    public enum Kind {
        SERVICES("services", "service"), NETWORKS("networks", "network"), SECRETS("secrets", "secret"),
        CONFIGS("configs", "config");

        final String path;
        final String singular;

        Kind(String path, String singular) {
            this.path = path;
            this.singular = singular;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    EngineApi engine;

    /** Every object of that kind. */
    public List<JsonNode> all(Kind kind) {
        return list(engine.get("/" + kind.path, null, null));
    }

    /** Every object of that kind with this label ({@code key=value}). */
    public List<JsonNode> labelled(Kind kind, String label) {
        return list(engine.get("/" + kind.path + "?filters=" + filter("label", label), null, null));
    }

    /** Every object of that kind with exactly this name, (Engine name filters match prefixes too). */
    public JsonNode named(Kind kind, String name) {
        for (JsonNode node : list(engine.get("/" + kind.path + "?filters=" + filter("name", name), null, null))) {
            String actual = kind == Kind.NETWORKS ? node.path("Name").asText() : node.path("Spec").path("Name").asText();
            if (actual.equals(name)) {
                return node;
            }
        }
        return null;
    }

    /** The Engine's filter parameter, written as JSON by Jackson: a name with quotes or backslashes stays a name. */
    private static String filter(String key, String value) {
        var filter = JSON.createObjectNode();
        filter.putArray(key).add(value);
        return URLEncoder.encode(filter.toString(), StandardCharsets.UTF_8);
    }

    public JsonNode create(Kind kind, JsonNode spec) {
        return engine.post("/" + kind.path + "/create", spec, kind.singular, spec.path("Name").asText());
    }

    public void update(Kind kind, String id, long version, JsonNode spec) {
        engine.post("/" + kind.path + "/" + EngineApi.segment(id) + "/update?version=" + version, spec, kind.singular,
                spec.path("Name").asText());
    }

    public JsonNode inspect(Kind kind, String id) {
        return engine.get("/" + kind.path + "/" + EngineApi.segment(id), kind.singular, id);
    }

    /** @return false when it was already gone */
    public boolean delete(Kind kind, String id) {
        try {
            engine.delete("/" + kind.path + "/" + EngineApi.segment(id), kind.singular, id);
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> result = new ArrayList<>();
        array.forEach(result::add);
        return result;
    }
}
