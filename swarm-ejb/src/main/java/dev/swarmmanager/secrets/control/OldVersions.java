package dev.swarmmanager.secrets.control;

import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.Rotation;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Removes a rotated secret's or config's old version once the moved services' rolling updates have completed, on a
 * schedule of its own, so that no request waits for them; and remembers the last rotations from or to each object,
 * which the API and the UI show as the rotation's progress. A service whose update pauses or rolls back keeps the old
 * version (its rollback needs it), as does anything still using it or a wait that runs out: nothing is removed that
 * might be needed. A server stopped meanwhile leaves the old version in place.
 */
@ApplicationScoped
public class OldVersions {

    private static final Logger LOG = Logger.getLogger(OldVersions.class.getName());
    private static final int REMEMBERED = 200;

    @Inject
    EngineObjects objects;

    @Inject
    FileReferences references;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** How long the old version waits for the moved services' updates before it is kept for good. */
    @Inject
    @ConfigProperty(name = "swarm.rotation.settle-timeout", defaultValue = "PT10M")
    Duration settleTimeout;

    /** The last rotations, by "kind:name" of both versions, oldest first. */
    private final Map<String, Rotation> rotations = new LinkedHashMap<>();

    /**
     * A service moved to the new version.
     *
     * @param previousStart when the update before the move started ({@code UpdateStatus.StartedAt}, the Engine's
     *                      clock), {@code null} if the service was never updated: the move's own update is the one
     *                      that starts later. A status read just after the move may still be the one before it.
     */
    public record Moved(String id, String name, String previousStart) {
    }

    /**
     * Takes over a rotation whose services were moved: the old version goes when their updates have completed.
     *
     * @return the rotation as it stands now
     */
    public Rotation retire(Rotation rotation, String oldId, List<Moved> moved) {
        if (moved.isEmpty()) {
            return remember(removeIfUnused(rotation, oldId));
        }
        remember(rotation);
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        scheduler.schedule(() -> look(rotation, oldId, moved, deadline), 1, TimeUnit.SECONDS);
        return rotation;
    }

    /** A rotation that stopped midway, both versions kept: remembered so that its progress says what is where. */
    public void stopped(Rotation rotation) {
        remember(rotation);
    }

    /** The last rotation from or to this secret or config since the server started. */
    public synchronized Optional<Rotation> of(FileKind kind, String name) {
        return Optional.ofNullable(rotations.get(kind + ":" + name));
    }

    /** The last rotations, newest first. */
    public synchronized List<Rotation> recent() {
        List<Rotation> all = new ArrayList<>(new java.util.LinkedHashSet<>(rotations.values()));
        java.util.Collections.reverse(all);
        return all;
    }

    private void look(Rotation rotation, String oldId, List<Moved> moved, long deadline) {
        Rotation now;
        try {
            List<String> updating = new ArrayList<>();
            String stopped = null;
            for (Moved service : moved) {
                String state = updateState(objects.inspect(Kind.SERVICES, service.id()), service.previousStart());
                if (state.equals("updating")) {
                    updating.add(service.name());
                } else if (!state.equals("completed")) {
                    stopped = "the update of " + service.name() + " is " + state.replace('_', ' ') + ": its rollback needs " + rotation.from();
                }
            }
            if (stopped != null) {
                now = rotation.kept(stopped);
            } else if (updating.isEmpty()) {
                now = removeIfUnused(rotation, oldId);
            } else if (System.nanoTime() > deadline) {
                now = rotation.stillUpdating(updating).kept("the updates of " + String.join(", ", updating) + " were still rolling after "
                        + settleTimeout.toMinutes() + " minutes");
            } else {
                now = rotation.stillUpdating(updating);
            }
        } catch (RuntimeException e) {
            // Docker unreachable or the service gone: look again until the deadline
            LOG.log(Level.FINE, "rotation of " + rotation.from() + ": could not look at the services", e);
            now = System.nanoTime() > deadline ? rotation.kept("the services could not be read: " + e.getMessage()) : rotation;
        }
        Rotation result = remember(now);
        if (!result.settled()) {
            scheduler.schedule(() -> look(result, oldId, moved, deadline), 1, TimeUnit.SECONDS);
        } else {
            LOG.info(() -> result.kind() + " " + result.from() + " rotated to " + result.to() + ": old version "
                    + (result.oldRemoved() ? "removed" : "kept (" + result.detail() + ")"));
        }
    }

    /**
     * The state of the move's update: {@code updating} until Swarm has started it (the status still the one before),
     * except for a service with no replicas, whose update has nothing to roll.
     */
    static String updateState(com.fasterxml.jackson.databind.JsonNode service, String previousStart) {
        com.fasterxml.jackson.databind.JsonNode status = service.path("UpdateStatus");
        String started = status.path("StartedAt").asText(null);
        boolean ours = started != null && !started.equals(previousStart);
        if (!ours) {
            com.fasterxml.jackson.databind.JsonNode replicas = service.path("Spec").path("Mode").path("Replicated").path("Replicas");
            return replicas.isNumber() && replicas.asLong() == 0 ? "completed" : "updating";
        }
        return status.path("State").asText("updating");
    }

    private Rotation removeIfUnused(Rotation rotation, String oldId) {
        List<String> using = references.servicesUsing(rotation.kind(), rotation.from()).stream()
                .map(s -> s.path("Spec").path("Name").asText()).toList();
        if (!using.isEmpty()) {
            return rotation.stillUpdating(List.of()).kept("still used by " + String.join(", ", using));
        }
        try {
            return objects.delete(FileReferences.kind(rotation.kind()), oldId) ? rotation.removed()
                    : rotation.stillUpdating(List.of()).kept("it was gone already");
        } catch (RuntimeException inUseMeanwhile) {
            return rotation.stillUpdating(List.of()).kept("the Engine kept it: " + inUseMeanwhile.getMessage());
        }
    }

    private synchronized Rotation remember(Rotation rotation) {
        rotations.remove(rotation.kind() + ":" + rotation.from());
        rotations.remove(rotation.kind() + ":" + rotation.to());
        rotations.put(rotation.kind() + ":" + rotation.from(), rotation);
        rotations.put(rotation.kind() + ":" + rotation.to(), rotation);
        while (rotations.size() > REMEMBERED) {
            rotations.remove(rotations.keySet().iterator().next());
        }
        return rotation;
    }
}
