package dev.swarmmanager.secrets.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.docker.MeteredHttpClient;
import dev.swarmmanager.domain.FileDraft;
import dev.swarmmanager.domain.FileKind;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.Rotation;
import dev.swarmmanager.fakes.FakeEngine;
import dev.swarmmanager.fakes.Wiring;
import dev.swarmmanager.secrets.control.OldVersions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rotation that fails midway, against a scripted Engine: nothing removed, and it says which service is where. */
class SwarmFilesTest {

    private final FakeEngine engine = new FakeEngine();
    private final Wiring wiring = new Wiring().with(com.github.dockerjava.api.DockerClient.class, new dev.swarmmanager.fakes.FakeDocker().client())
            .with(MeteredHttpClient.class, new MeteredHttpClient(engine));

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

        assertThatThrownBy(() -> wiring.get(SwarmFiles.class).rotateSecret("pw", new FileDraft(null, "second", Map.of())))
                .isInstanceOf(OperationConflictException.class)
                .hasMessageContaining("stopped at service worker")
                .hasMessageContaining("api moved to pw_v2, the others still use pw; both exist");

        assertThat(engine.exchanges()).noneMatch(e -> e.method().equals("DELETE"));
        assertThat(engine.posts()).extracting(FakeEngine.Exchange::path)
                .containsExactly("/secrets/create", "/services/a1/update?version=5", "/services/b1/update?version=7");
        assertThat(engine.posts().get(1).body()).contains("\"SecretName\":\"pw_v2\",\"SecretID\":\"s2\"").contains("\"Name\":\"db\"");
        Rotation progress = wiring.get(OldVersions.class).of(FileKind.SECRET, "pw_v2").orElseThrow();
        assertThat(progress.oldVersion()).isEqualTo(Rotation.OldVersion.KEPT);
        assertThat(progress.moved()).containsExactly("api");
        assertThat(progress.detail()).contains("stopped at service worker");
    }
}
