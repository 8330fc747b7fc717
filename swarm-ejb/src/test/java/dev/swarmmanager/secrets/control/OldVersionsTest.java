package dev.swarmmanager.secrets.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmmanager.docker.DockerAccess;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.Rotation;
import dev.swarmmanager.fakes.FakeEngine;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the old version of a rotated secret goes, against a scripted Engine and a scheduler the test runs by hand: only
 * once the move's own update has completed, never while an update is paused (its rollback needs the old version).
 */
class OldVersionsTest {

    private static final String BEFORE = "2026-11-30T09:00:00Z";

    private final FakeEngine engine = new FakeEngine();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Rotation> settled = new ArrayList<>();
    private final OldVersions oldVersions;

    OldVersionsTest() {
        DockerAccess access = new DockerAccess(engine);
        ManagedScheduledExecutorService byHand = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("schedule")) {
                        scheduled.add((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        oldVersions = Rotations.oldVersions(access, Rotations.references(access), byHand);
    }

    private static String service(String state, String startedAt) {
        return "{\"ID\":\"a1\",\"Spec\":{\"Name\":\"api\",\"Mode\":{\"Replicated\":{\"Replicas\":1}}}"
                + (state == null ? "" : ",\"UpdateStatus\":{\"State\":\"" + state + "\",\"StartedAt\":\"" + startedAt + "\"}") + "}";
    }

    private Rotation start() {
        return oldVersions.retire(Rotation.started(FileKind.SECRET, "pw", "pw_v2", List.of("api")), "s1",
                List.of(new OldVersions.Moved("a1", "api", BEFORE)), settled::add);
    }

    /** Runs what is due, as the scheduler would. */
    private void tick() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void theOldVersionGoesOnceTheMovesOwnUpdateHasCompleted() {
        engine.on("GET /services", 200, "[" + service("completed", BEFORE) + "]") // the status of the update before the move
                .on("GET /services", 200, "[" + service("updating", "2026-11-30T09:05:00Z") + "]")
                .on("GET /services", 200, "[" + service("completed", "2026-11-30T09:05:00Z") + "]")
                .on("DELETE /secrets/s1", 204, "");

        assertThat(start().oldVersion()).isEqualTo(Rotation.OldVersion.WAITING);
        tick();
        tick();
        assertThat(oldVersions.of(FileKind.SECRET, "pw_v2").orElseThrow().updating()).containsExactly("api");
        assertThat(engine.exchanges()).noneMatch(e -> e.method().equals("DELETE"));
        tick();

        Rotation done = oldVersions.of(FileKind.SECRET, "pw").orElseThrow();
        assertThat(done.oldVersion()).isEqualTo(Rotation.OldVersion.REMOVED);
        assertThat(done.oldRemoved()).isTrue();
        assertThat(engine.exchanges()).filteredOn(e -> e.method().equals("DELETE")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("/secrets/s1"));
        assertThat(settled).containsExactly(done);
        assertThat(scheduled).as("no more looks").isEmpty();
    }

    @Test
    void aPausedUpdateKeepsTheOldVersionForItsRollback() {
        engine.on("GET /services", 200, "[" + service("paused", "2026-11-30T09:05:00Z") + "]");

        start();
        tick();

        Rotation kept = oldVersions.of(FileKind.SECRET, "pw_v2").orElseThrow();
        assertThat(kept.oldVersion()).isEqualTo(Rotation.OldVersion.KEPT);
        assertThat(kept.detail()).isEqualTo("the update of api is paused: its rollback needs pw");
        assertThat(engine.exchanges()).noneMatch(e -> e.method().equals("DELETE"));
        assertThat(settled).containsExactly(kept);
    }

    @Test
    void aServiceRemovedSinceHasNothingLeftToRollAndAnotherUserKeepsTheOldVersion() {
        engine.on("GET /services", 200, "[{\"ID\":\"b1\",\"Spec\":{\"Name\":\"worker\",\"TaskTemplate\":{\"ContainerSpec\":"
                        + "{\"Secrets\":[{\"SecretName\":\"pw\",\"SecretID\":\"s1\"}]}}}}]");

        start();
        tick();

        Rotation kept = oldVersions.of(FileKind.SECRET, "pw").orElseThrow();
        assertThat(kept.oldVersion()).isEqualTo(Rotation.OldVersion.KEPT);
        assertThat(kept.detail()).isEqualTo("still used by worker");
        assertThat(engine.exchanges()).noneMatch(e -> e.method().equals("DELETE"));
    }

    @Test
    void aLaterRotationOfTheNewVersionIsNotHiddenByTheEarlierOne() {
        engine.on("GET /services", 200, "[" + service("updating", "2026-11-30T09:05:00Z") + "]");
        start();
        oldVersions.retire(Rotation.started(FileKind.SECRET, "pw_v2", "pw_v3", List.of("api")), "s2",
                List.of(new OldVersions.Moved("a1", "api", "2026-11-30T09:05:00Z")), settled::add);
        scheduled.remove(1); // only the first rotation looks again
        tick();

        assertThat(oldVersions.of(FileKind.SECRET, "pw_v2").orElseThrow().to()).isEqualTo("pw_v3");
        assertThat(oldVersions.of(FileKind.SECRET, "pw").orElseThrow().to()).isEqualTo("pw_v2");
        assertThat(oldVersions.recent()).extracting(Rotation::to).containsExactly("pw_v3", "pw_v2");
    }

    private static JsonNode json(String status, int replicas) throws Exception {
        return new ObjectMapper().readTree("{\"Spec\":{\"Mode\":{\"Replicated\":{\"Replicas\":" + replicas + "}}}"
                + (status == null ? "" : ",\"UpdateStatus\":" + status) + "}");
    }

    @Test
    void theMovesOwnUpdateIsTheOneThatCounts() throws Exception {
        assertThat(OldVersions.updateState(json("{\"State\":\"completed\",\"StartedAt\":\"" + BEFORE + "\"}", 2), BEFORE))
                .as("the update before the move").isEqualTo("updating");
        assertThat(OldVersions.updateState(json(null, 2), null)).as("not started yet").isEqualTo("updating");
        assertThat(OldVersions.updateState(json("{\"State\":\"completed\",\"StartedAt\":\"2026-11-30T09:05:00Z\"}", 2), null))
                .isEqualTo("completed");
        assertThat(OldVersions.updateState(json("{\"State\":\"rollback_started\",\"StartedAt\":\"2026-11-30T09:05:00Z\"}", 2), BEFORE))
                .isEqualTo("rollback_started");
        assertThat(OldVersions.updateState(json(null, 0), null)).as("no replicas: nothing rolls").isEqualTo("completed");
    }
}
