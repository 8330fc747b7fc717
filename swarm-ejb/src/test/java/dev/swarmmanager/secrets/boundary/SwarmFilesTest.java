package dev.swarmmanager.secrets.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.docker.DockerAccess;
import dev.swarmmanager.domain.FileDraft;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.Role;
import dev.swarmmanager.domain.Rotation;
import dev.swarmmanager.fakes.FakeEngine;
import dev.swarmmanager.mirror.boundary.ClusterMirror;
import dev.swarmmanager.policy.boundary.Policies;
import dev.swarmmanager.rules.DefaultPolicy;
import dev.swarmmanager.secrets.control.FileReferences;
import dev.swarmmanager.secrets.control.OldVersions;
import dev.swarmmanager.secrets.control.Rotations;
import dev.swarmmanager.security.Callers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rotation that fails midway, against a scripted Engine: nothing removed, and it says which service is where. */
class SwarmFilesTest {

    private final FakeEngine engine = new FakeEngine();
    private final DockerAccess access = new DockerAccess(engine);
    private final FileReferences references = Rotations.references(access);
    /** Never reached: a rotation that stops midway keeps the old version and schedules no look at it. */
    private final OldVersions oldVersions = Rotations.oldVersions(access, references, null);

    /** As an admin, under the default deployment policy, with a mirror that has not read the cluster yet. */
    private SwarmFiles files() {
        SwarmFiles files = new SwarmFiles();
        files.objects = access.objects();
        files.engine = access.api();
        files.references = references;
        files.oldVersions = oldVersions;
        files.security = Callers.signedIn("alice", Role.ADMIN);
        files.clusterRoles = Callers.rolesOf(files.security);
        files.policy = Policies.forCaller(files.security, files.clusterRoles, DefaultPolicy.configuration(), new ClusterMirror());
        return files;
    }

    private static String named(String name) {
        return "/secrets?filters=" + URLEncoder.encode("{\"name\":[\"" + name + "\"]}", StandardCharsets.UTF_8);
    }

    private static String service(String id, String name, int version) {
        return "{\"ID\":\"" + id + "\",\"Version\":{\"Index\":" + version + "},\"Spec\":{\"Name\":\"" + name + "\",\"TaskTemplate\":{\"ContainerSpec\":"
                + "{\"Image\":\"ocr-worker:1.0\",\"Secrets\":[{\"SecretName\":\"pw\",\"SecretID\":\"s1\",\"File\":{\"Name\":\"db\",\"UID\":\"0\","
                + "\"GID\":\"0\",\"Mode\":256}}]}},\"Mode\":{\"Replicated\":{\"Replicas\":1}}}}";
    }

    @Test
    void aRotationStoppedMidwayKeepsBothVersionsAndSaysWhichServiceIsWhere() {
        engine.on("GET " + named("pw"), 200, "[{\"ID\":\"s1\",\"Spec\":{\"Name\":\"pw\",\"Labels\":{}}}]")
                .on("GET " + named("pw_v2"), 200, "[]")
                .on("GET /services", 200, "[" + service("a1", "api", 5) + "," + service("b1", "worker", 7) + "]")
                .on("POST /secrets/create", 201, "{\"ID\":\"s2\"}")
                .on("GET /services/a1", 200, service("a1", "api", 5))
                .on("POST /services/a1/update?version=5", 200, "{}")
                .on("GET /services/b1", 200, service("b1", "worker", 7))
                .on("POST /services/b1/update?version=7", 400, "{\"message\":\"rpc error: code = InvalidArgument desc = refused\"}");

        assertThatThrownBy(() -> files().rotateSecret("pw", new FileDraft(null, "second", Map.of())))
                .isInstanceOf(OperationConflictException.class)
                .hasMessageContaining("stopped at service worker")
                .hasMessageContaining("api moved to pw_v2, the others still use pw; both exist");

        assertThat(engine.exchanges()).noneMatch(e -> e.method().equals("DELETE"));
        assertThat(engine.posts()).extracting(FakeEngine.Exchange::path)
                .containsExactly("/secrets/create", "/services/a1/update?version=5", "/services/b1/update?version=7");
        assertThat(engine.posts().get(1).body()).contains("\"SecretName\":\"pw_v2\",\"SecretID\":\"s2\"").contains("\"Name\":\"db\"");
        Rotation progress = oldVersions.of(FileKind.SECRET, "pw_v2").orElseThrow();
        assertThat(progress.oldVersion()).isEqualTo(Rotation.OldVersion.KEPT);
        assertThat(progress.moved()).containsExactly("api");
        assertThat(progress.detail()).contains("stopped at service worker");
    }
}
