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
            JsonNode service = engine.get("/services/" + EngineApi.segment(reference), "service", reference);
            ObjectNode spec = (ObjectNode) service.path("Spec");
            change.accept(spec);
            long version = service.path("Version").path("Index").asLong();
            engine.post("/services/" + EngineApi.segment(service.path("ID").asText()) + "/update?version=" + version,
                    spec, "service", reference);
        });
    }

    public static void setReplicas(ObjectNode spec, String reference, long replicas) {
        JsonNode replicated = spec.path("Mode").path("Replicated");
        if (!replicated.isObject()) {
            throw new OperationConflictException("service " + reference
                    + " is not a replicated service: a global service runs one task per node and cannot be scaled");
        }
        ((ObjectNode) replicated).put("Replicas", replicas);
    }

    public static void setImage(ObjectNode spec, String image) {
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        if (!container.isObject()) {
            throw new OperationConflictException("the service has no container spec to set an image on");
        }
        ((ObjectNode) container).put("Image", image);
    }
}
