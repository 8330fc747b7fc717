package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static dev.swarmmanager.lab.Lab.dockerOn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event history through the deployed API: what the docker CLI does to a service is found by searching for it,
 * by kind, by text and by time, page by page; bad searches are clear 400s.
 */
class HistoryIT {

    private final Api viewer = Api.as(User.VIEWER);
    private final String name = Lab.uniqueName("hist");

    @BeforeAll
    static void signIn() {
        IdentityProvider.start();
    }

    @AfterEach
    void removeIt() {
        Lab.removeServiceQuietly(name);
    }

    private List<JsonObject> search(String query) {
        Api.Answer answer = viewer.call("GET", "/api/swarm/history?" + query, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    private static List<String> summaries(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getString("summary")).toList();
    }

    @Test
    void aRegisteredSwarmsChangesAreKeptUnderItsName() {
        String site = Lab.uniqueName("hsite");
        Api admin = Api.as(User.ADMIN);
        // over its unix socket: no certificates to seal, so a server without swarm.clusters.key (Liberty's) takes it too
        Api.Answer registered = admin.call("PUT", "/api/swarm/clusters/" + site, ClustersIT.body("unix:///run/swarm-lab/other1/docker.sock"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        try {
            // made behind the application's back on other1: only that Swarm's mirror sees it
            dockerOn("other1", "service", "create", "--detach", "--name", name, "--replicas", "1", "ocr-worker:1.0");
            Lab.await(Duration.ofSeconds(30), () -> summaries(search("cluster=" + site + "&object=" + name)).stream()
                    .anyMatch(s -> s.startsWith("service " + name + " created")), () -> "the creation in " + site + "'s history: "
                    + summaries(search("object=" + name)));

            assertThat(search("cluster=" + site + "&object=" + name + "&size=500"))
                    .allSatisfy(e -> assertThat(e.getString("cluster")).isEqualTo(site));
            assertThat(search("cluster=default&object=" + name)).as("not the default Swarm's").isEmpty();
            assertThat(search("object=" + name + "&size=500")).as("every Swarm's, without the filter: other1's only here")
                    .isNotEmpty().allSatisfy(e -> assertThat(e.getString("cluster")).isEqualTo(site));
        } finally {
            try {
                dockerOn("other1", "service", "rm", name);
            } catch (AssertionError gone) {
                // not made
            }
            admin.call("DELETE", "/api/swarm/clusters/" + site, null);
        }
    }

    @Test
    void whatHappensToAServiceIsFoundBySearchingForIt() {
        Instant before = Instant.now().minusSeconds(1);
        Lab.createWorkerService(name, 1);
        docker("service", "scale", "--detach", name + "=2");
        Lab.awaitRunning(name, 2);
        docker("service", "rm", name);

        Lab.await(Duration.ofSeconds(30), () -> summaries(search("object=" + name)).contains("service " + name + " removed"),
                () -> "the removal in the history: " + summaries(search("object=" + name)));
        List<JsonObject> all = search("object=" + name + "&size=500");
        String removedAt = all.stream().filter(e -> e.getString("summary").equals("service " + name + " removed")).findFirst()
                .orElseThrow().getString("time");
        assertThat(all).as("newest first: the removal and its tasks' at the top").first()
                .satisfies(e -> assertThat(e.getString("time")).isEqualTo(removedAt));
        assertThat(all.stream().map(e -> Instant.parse(e.getString("time"))).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(summaries(all)).anyMatch(s -> s.startsWith("service " + name + " created: ocr-worker:1.0, replicated"))
                .anyMatch(s -> s.matches("service " + name + ": ocr-worker:1\\.0, [0-2]/2 running.*"))
                .anyMatch(s -> s.matches("task " + name + "\\.2( on \\w+)?: \\w+ \\(desired running\\)")); // which states the mirror saw varies

        List<JsonObject> tasks = search("object=" + name + "&kind=task&size=500");
        assertThat(tasks).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getString("kind")).isEqualTo("task");
            assertThat(e.getString("service")).isEqualTo(name);
        });
        assertThat(summaries(search("q=" + name.toUpperCase() + "%20REMOVED"))).containsExactly("service " + name + " removed");
        assertThat(search("object=" + name + "&to=" + before)).as("nothing before the test").isEmpty();
        assertThat(search("object=" + name + "&from=" + before + "&size=500")).hasSameSizeAs(all);

        Api.Answer firstPage = viewer.call("GET", "/api/swarm/history?object=" + name + "&size=2", null);
        assertThat(firstPage.json().getInt("count")).isEqualTo(2);
        assertThat(firstPage.json().getInt("total")).isEqualTo(all.size());
        List<JsonObject> secondPage = search("object=" + name + "&size=2&page=1");
        assertThat(summaries(secondPage)).isEqualTo(summaries(all).subList(2, Math.min(4, all.size())));
    }

    @Test
    void badSearchesAreClearRefusals() {
        assertThat(viewer.call("GET", "/api/swarm/history?kind=weather", null).error()).startsWith("kind must be one of");
        assertThat(viewer.call("GET", "/api/swarm/history?from=yesterday", null).error())
                .isEqualTo("from must be an ISO-8601 instant such as 2026-11-27T00:00:00Z (got 'yesterday')");
        assertThat(viewer.call("GET", "/api/swarm/history?size=501", null).status()).isEqualTo(400);
        assertThat(viewer.call("GET", "/api/swarm/history?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z", null).status()).isEqualTo(400);
        assertThat(viewer.call("GET", "/api/swarm/history?q=" + "x".repeat(201), null).status()).isEqualTo(400);
        assertThat(Api.anonymous().call("GET", "/api/swarm/history", null).status()).isEqualTo(401);
    }
}
