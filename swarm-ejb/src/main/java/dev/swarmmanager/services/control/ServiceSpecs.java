package dev.swarmmanager.services.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.docker.VersionedUpdate;
import dev.swarmmanager.domain.OperationConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Consumer;

/**
 * Changes a service's spec in the Engine's own JSON, at the version it was read, retrying when someone
 * else changed it meanwhile. Fields we do not know survive untouched.
 */
@ApplicationScoped
public class ServiceSpecs {

    @Inject
    EngineApi engine;

    public void update(String reference, Consumer<ObjectNode> change) {
        VersionedUpdate.retry(() -> {
            JsonNode service = read(reference);
            ObjectNode spec = (ObjectNode) service.path("Spec");
            change.accept(spec);
            write(service, spec);
        });
    }

    /** The service as the Engine has it: ID, Version, Spec and PreviousSpec. */
    public JsonNode read(String reference) {
        return engine.get("/services/" + EngineApi.segment(reference), "service", reference);
    }

    /** Writes {@code spec} at the version {@code service} was read at (a concurrent change makes it a 409 to retry). */
    public void write(JsonNode service, JsonNode spec) {
        post(service, spec, "");
    }

    /** Swarm's own rollback to the service's previous spec ({@code docker service rollback}). */
    public void rollback(JsonNode service) {
        post(service, service.path("Spec"), "&rollback=previous");
    }

    private void post(JsonNode service, JsonNode spec, String parameters) {
        String id = service.path("ID").asText();
        long version = service.path("Version").path("Index").asLong();
        engine.post("/services/" + EngineApi.segment(id) + "/update?version=" + version + parameters, spec, "service",
                service.path("Spec").path("Name").asText(id));
    }

    /** Restarts every task on the same spec, as {@code docker service update --force} does. */
    public static void forceUpdate(ObjectNode spec) {
        ObjectNode task = spec.path("TaskTemplate").isObject() ? (ObjectNode) spec.path("TaskTemplate") : spec.putObject("TaskTemplate");
        task.put("ForceUpdate", task.path("ForceUpdate").asLong(0) + 1);
    }

    public static void setReplicas(ObjectNode spec, String reference, long replicas) {
        JsonNode replicated = spec.path("Mode").path("Replicated");
        if (!replicated.isObject()) {
            throw new OperationConflictException("services.global", reference);
        }
        ((ObjectNode) replicated).put("Replicas", replicas);
    }

    public static void setImage(ObjectNode spec, String image) {
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        if (!container.isObject()) {
            throw new OperationConflictException("services.no-container-spec");
        }
        ((ObjectNode) container).put("Image", image);
    }
}
