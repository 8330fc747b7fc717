package dev.swarmmanager.secrets.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.swarmmanager.docker.EngineObjects;
import dev.swarmmanager.docker.EngineObjects.Kind;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.Rotation;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
    /** Looks come every second at first, then further apart, up to this. */
    private static final long MAX_INTERVAL_SECONDS = 10;

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

    /** The last rotations, by "kind:name" of both versions, each with the number it started as (a later one wins). */
    private final Map<String, Remembered> rotations = new LinkedHashMap<>();
    private final AtomicLong started = new AtomicLong();

    private record Remembered(long number, Rotation rotation) {
    }

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
     * @param settled told once what became of the old version (removed or kept), on the scheduler's thread
     * @return the rotation as it stands now
     */
    public Rotation retire(Rotation rotation, String oldId, List<Moved> moved, Consumer<Rotation> settled) {
        long number = started.incrementAndGet();
        if (moved.isEmpty()) {
            Rotation now = removeIfUnused(rotation, oldId);
            tell(settled, now);
            return remember(number, now);
        }
        remember(number, rotation);
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        // on the cluster the rotation was made on: the looks read and remove there
        scheduler.schedule(EngineTarget.carry(() -> look(number, rotation, oldId, moved, deadline, 1, settled)), 1, TimeUnit.SECONDS);
        return rotation;
    }

    /** A rotation that stopped midway, both versions kept: remembered so that its progress says what is where. */
    public void stopped(Rotation rotation) {
        remember(started.incrementAndGet(), rotation);
    }

    /** The last rotation from or to this secret or config of the cluster this thread works on, since the server started. */
    public synchronized Optional<Rotation> of(FileKind kind, String name) {
        return Optional.ofNullable(rotations.get(key(kind, name))).map(Remembered::rotation);
    }

    /** The last rotations on the cluster this thread works on, newest first. */
    public synchronized List<Rotation> recent() {
        String here = EngineTarget.clusterName() + "/";
        List<Remembered> all = new ArrayList<>(new LinkedHashSet<>(rotations.entrySet().stream()
                .filter(e -> e.getKey().startsWith(here)).map(Map.Entry::getValue).toList()));
        all.sort((a, b) -> Long.compare(b.number(), a.number()));
        return all.stream().map(Remembered::rotation).toList();
    }

    private void look(long number, Rotation rotation, String oldId, List<Moved> moved, long deadline, int attempt,
                      Consumer<Rotation> settled) {
        Rotation now;
        try {
            List<String> updating = new ArrayList<>();
            String stopped = null;
            Map<String, JsonNode> services = new HashMap<>(); // one list call per look, whatever the number moved
            objects.all(Kind.SERVICES).forEach(service -> services.put(service.path("ID").asText(), service));
            for (Moved service : moved) {
                String state = stateOf(service, services.get(service.id()));
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
            // Docker unreachable: look again until the deadline. The reason shown says no more than that (the Docker
            // host is for admins' eyes, and viewers read the progress)
            LOG.log(Level.FINE, "rotation of " + rotation.from() + ": could not look at the services", e);
            now = System.nanoTime() > deadline ? rotation.kept("the services could not be read: " + shown(e)) : rotation;
        }
        Rotation result = now;
        if (!result.settled()) {
            remember(number, result);
            long next = Math.min(MAX_INTERVAL_SECONDS, 1 + attempt / 10);
            scheduler.schedule(EngineTarget.carry(() -> look(number, result, oldId, moved, deadline, attempt + 1, settled)),
                    next, TimeUnit.SECONDS);
        } else {
            LOG.info(() -> result.kind() + " " + result.from() + " rotated to " + result.to() + ": old version "
                    + (result.oldRemoved() ? "removed" : "kept (" + result.detail() + ")"));
            tell(settled, result); // recorded before the progress says so: whoever reads "removed" finds its audit row
            remember(number, result);
        }
    }

    /** A moved service's update state; a service removed since ({@code null}) has nothing left to roll. */
    private static String stateOf(Moved moved, JsonNode service) {
        return service == null ? "completed" : updateState(service, moved.previousStart());
    }

    /**
     * The state of the move's update: {@code updating} until Swarm has started it (the status still the one before),
     * except for a service with no replicas, whose update has nothing to roll.
     */
    static String updateState(JsonNode service, String previousStart) {
        JsonNode status = service.path("UpdateStatus");
        String startedAt = status.path("StartedAt").asText(null);
        boolean ours = startedAt != null && !startedAt.equals(previousStart);
        if (!ours) {
            JsonNode replicas = service.path("Spec").path("Mode").path("Replicated").path("Replicas");
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
            return rotation.stillUpdating(List.of()).kept("the Engine kept it: " + shown(inUseMeanwhile));
        }
    }

    /** A failure as the progress may show it to anyone who reads it: never where Docker is. */
    public static String shown(RuntimeException e) {
        return e instanceof DockerUnavailableException ? "Docker could not be reached" : e.getMessage();
    }

    private static void tell(Consumer<Rotation> settled, Rotation rotation) {
        try {
            settled.accept(rotation);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rotation of " + rotation.from() + ": its outcome could not be recorded", e);
        }
    }

    /** Where a rotation is remembered: by cluster (each Swarm has its own secrets), kind and name. */
    private static String key(FileKind kind, String name) {
        return EngineTarget.clusterName() + "/" + kind + ":" + name;
    }

    /** Remembers the rotation under both names, unless a later rotation holds the name already. */
    private synchronized Rotation remember(long number, Rotation rotation) {
        for (String name : List.of(rotation.from(), rotation.to())) {
            String key = key(rotation.kind(), name);
            Remembered held = rotations.get(key);
            if (held == null || held.number() <= number) {
                rotations.remove(key); // re-inserted: the map's order is the order of the last news
                rotations.put(key, new Remembered(number, rotation));
            }
        }
        while (rotations.size() > REMEMBERED) {
            rotations.remove(rotations.keySet().iterator().next());
        }
        return rotation;
    }
}
