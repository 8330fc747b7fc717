package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.lab.Lab;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * HTTP manners on the deployed EAR: an {@code ETag} on GET answers, and 304 without a body while the answer has not
 * changed; a change in the cluster (a scale by the docker CLI) changes it; lists sorted and paged.
 */
class HttpMannersIT {

    // HTTP/1.1 as a browser speaks it over plain http (Java's client would otherwise ask to upgrade to h2c).
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<byte[]> get(String url, String authorization, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aListIsTaggedAndNotSentAgainUntilItChanges() throws Exception {
        String name = Lab.uniqueName("manners");
        String admin = Api.adminAuthorization();
        String services = Api.BASE + "/api/swarm/services";
        try {
            Lab.createWorkerService(name, 1);
            Api.awaitListed(name, 1);
            HttpResponse<byte[]> plain = get(services, admin);
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            String tag = plain.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));

            HttpResponse<byte[]> zipped = get(services, admin, "Accept-Encoding", "gzip");
            assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
            assertThat(gunzip(zipped.body())).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
            assertThat(zipped.body().length).as("gzipped").isLessThan(plain.body().length);

            HttpResponse<byte[]> unchanged = get(services, admin, "If-None-Match", tag);
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(unchanged.headers().firstValue("ETag")).contains(tag);
            assertThat(get(services, admin, "If-None-Match", "\"something-else\", W/" + tag).statusCode()).as("a weak tag of the list").isEqualTo(304);

            docker("service", "scale", "--detach", name + "=2");
            Lab.await(Duration.ofSeconds(30), () -> {
                try {
                    return get(services, admin, "If-None-Match", tag).statusCode() == 200;
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, () -> "the list to change after the scale");
            HttpResponse<byte[]> changed = get(services, admin, "If-None-Match", tag);
            assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
            assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("\"name\":\"" + name + "\"");

            assertThat(get(Api.BASE + "/api/swarm/services/" + name, admin).headers().firstValue("ETag")).as("one object too").isPresent();
        } finally {
            Lab.removeServiceQuietly(name);
        }
    }

    @Test
    void listsAreSortedAndPagedAsTheAuditLogIs() {
        String prefix = Lab.uniqueName("paged");
        List<String> names = List.of(prefix + "-a", prefix + "-b", prefix + "-c");
        try {
            // no replicas: real services, no containers
            names.forEach(n -> docker("service", "create", "--detach", "--name", n, "--replicas", "0", "--label", "it=true", "ocr-worker:1.0"));
            Lab.await(Duration.ofSeconds(20), () -> Api.get("/api/swarm/services?name=" + prefix).json().getInt("count") == 3,
                    () -> "the three services listed");

            JsonObject first = Api.get("/api/swarm/services?name=" + prefix + "&sort=-name&size=2").json();
            assertThat(names(first)).containsExactly(prefix + "-c", prefix + "-b");
            assertThat(first.getInt("count")).isEqualTo(2);
            assertThat(first.getInt("total")).isEqualTo(3);
            assertThat(first.getInt("page")).isZero();
            assertThat(first.getInt("size")).isEqualTo(2);
            JsonObject second = Api.get("/api/swarm/services?name=" + prefix + "&sort=-name&size=2&page=1").json();
            assertThat(names(second)).containsExactly(prefix + "-a");
            assertThat(second.getInt("total")).isEqualTo(3);

            JsonObject whole = Api.get("/api/swarm/services?name=" + prefix + "&sort=-name").json();
            assertThat(names(whole)).as("sorted, not paged").containsExactly(prefix + "-c", prefix + "-b", prefix + "-a");
            assertThat(whole.containsKey("total")).isFalse();

            // the whole list, no filter: served sorted, not as the cached answer for the plain list
            // (the mirror may still hold a service an earlier test removed: compared until both agree)
            Lab.await(Duration.ofSeconds(20), () -> {
                List<String> everyService = docker("service", "ls", "--format", "{{.Name}}").lines().sorted(java.util.Comparator.reverseOrder()).toList();
                JsonObject unfiltered = Api.get("/api/swarm/services?sort=-name&size=2").json();
                return names(unfiltered).equals(everyService.subList(0, 2)) && unfiltered.getInt("total") == everyService.size();
            }, () -> "the whole list sorted and paged as the docker CLI lists it");

            List<String> cli = List.of(docker("node", "ls", "--format", "{{.Hostname}}").split("\\s+")).stream()
                    .sorted(java.util.Comparator.reverseOrder()).toList();
            JsonObject nodes = Api.get("/api/swarm/nodes?sort=-hostname").json();
            assertThat(nodes.getJsonArray("data").getValuesAs(JsonObject.class).stream().map(n -> n.getString("hostname")).toList())
                    .isEqualTo(cli);
            assertThat(Api.get("/api/swarm/stacks?page=0&size=1").json().getInt("size")).isEqualTo(1);
            assertThat(Api.get("/api/swarm/services/" + prefix + "-a/tasks?sort=-created&page=0").json().getInt("total")).isZero();

            Api.Answer badSort = Api.get("/api/swarm/services?sort=colour");
            assertThat(badSort.status()).isEqualTo(400);
            assertThat(badSort.error()).contains("sort", "name, image");
            assertThat(Api.get("/api/swarm/nodes?size=0").status()).isEqualTo(400);
            assertThat(Api.get("/api/swarm/services?page=-1").status()).isEqualTo(400);
            assertThat(Api.get("/api/swarm/stacks?page=twelve").status()).isEqualTo(400);
        } finally {
            names.forEach(Lab::removeServiceQuietly);
        }
    }

    private static List<String> names(JsonObject answer) {
        return answer.getJsonArray("data").getValuesAs(JsonObject.class).stream().map(s -> s.getString("name")).toList();
    }

    private static String gunzip(byte[] body) throws java.io.IOException {
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pagesAreGzippedButTheChangeFeedIsNot() throws Exception {
        HttpResponse<byte[]> page = get(LocalServer.BASE + "/login.xhtml", null, "Accept-Encoding", "gzip");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(page.body())).contains("<html");
        HttpResponse<java.io.InputStream> feed = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/swarm/events"))
                .header("Authorization", Api.adminAuthorization()).header("Accept", "text/event-stream")
                .header("Accept-Encoding", "gzip, deflate").build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream events = feed.body()) {
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("Content-Encoding")).as("a stream flows event by event").isEmpty();
        }
    }

    @Test
    void anErrorAndAStreamAreNotTagged() throws Exception {
        HttpResponse<byte[]> missing = get(Api.BASE + "/api/swarm/services/no-such-service-here", Api.adminAuthorization());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("ETag")).isEmpty();
        HttpResponse<java.io.InputStream> feed = HTTP.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/api/swarm/events"))
                .header("Authorization", Api.adminAuthorization()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream events = feed.body()) {
            assertThat(feed.statusCode()).isEqualTo(200);
            assertThat(feed.headers().firstValue("ETag")).isEmpty();
        }
    }
}
