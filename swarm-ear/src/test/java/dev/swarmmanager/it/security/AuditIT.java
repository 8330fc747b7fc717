package dev.swarmmanager.it.security;

import static dev.swarmmanager.lab.Lab.createWorkerService;
import static dev.swarmmanager.lab.Lab.removeServiceQuietly;
import static dev.swarmmanager.lab.Lab.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider.User;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log of the single sign-on server (the embedded default database): each change attempted through the
 * API leaves exactly one entry with the caller, their roles, the outcome and the error, refused attempts too; only
 * admins read it, with filters and pages. The local-mode server's log, in PostgreSQL, is checked by LocalModeIT.
 */
class AuditIT {

    private String service;

    @BeforeEach
    void createService() {
        service = uniqueName("audited");
        createWorkerService(service, 1);
    }

    @AfterEach
    void removeService() {
        removeServiceQuietly(service);
    }

    @Test
    void aSuccessfulScaleIsRecordedOnceWithItsCallerAndParameters() {
        assertThat(Api.as(User.OPERATOR).call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":2}").status())
                .isEqualTo(200);

        List<JsonObject> entries = entries("target=" + service);
        assertThat(entries).hasSize(1);
        JsonObject entry = entries.get(0);
        assertThat(entry.getString("user")).isEqualTo(Api.userName(User.OPERATOR));
        assertThat(entry.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactlyInAnyOrder("operator", "viewer");
        assertThat(entry.getString("action")).isEqualTo("services.scale");
        assertThat(entry.getString("outcome")).isEqualTo("succeeded");
        assertThat(entry.getJsonObject("parameters").getString("replicas")).isEqualTo("2");
        assertThat(entry.getString("client_address")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(entry.isNull("error")).isTrue();
    }

    @Test
    void aRefusedRemovalIsRecordedAsDeniedAndTheServiceStays() {
        Api.Answer answer = Api.as(User.OPERATOR).call("DELETE", "/api/swarm/services/" + service, null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.error()).contains("role");
        assertThat(dev.swarmmanager.lab.Lab.docker("service", "ls", "--filter", "name=" + service, "--format", "{{.Name}}"))
                .contains(service);
        List<JsonObject> entries = entries("target=" + service);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getString("action")).isEqualTo("services.remove");
        assertThat(entries.get(0).getString("outcome")).isEqualTo("denied");
        assertThat(entries.get(0).getString("user")).isEqualTo(Api.userName(User.OPERATOR));
    }

    @Test
    void aFailedChangeIsRecordedWithTheError() {
        assertThat(Api.post("/api/swarm/services/" + service + "/scale", "{\"replicas\":100000}").status()).isEqualTo(400);

        List<JsonObject> entries = entries("target=" + service);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getString("outcome")).isEqualTo("failed");
        assertThat(entries.get(0).getString("error")).contains("replicas must be between 0 and");
        assertThat(entries.get(0).getString("user")).isEqualTo(Api.userName(User.ADMIN));
    }

    @Test
    void aDeployWithAnOverlongVariableNameIsDoneAndAuditedNotA500WithoutARow() {
        String stack = uniqueName("audited");
        String body = jakarta.json.Json.createObjectBuilder().add("stack_name", stack)
                .add("stack_file", "services:\n  c:\n    image: ocr-worker:1.0\n")
                .add("variables", jakarta.json.Json.createObjectBuilder().add("V".repeat(5000), "x")).build().toString();
        try {
            Api.Answer answer = Api.as(User.OPERATOR).call("POST", "/api/swarm/deploy-stack", body);
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            JsonObject entry = entries("action=stacks.deploy&target=" + stack).get(0);
            assertThat(entry.getString("outcome")).isEqualTo("succeeded");
            assertThat(entry.getJsonObject("parameters").getString("variables")).startsWith("VVVV").hasSizeLessThan(300);
        } finally {
            dev.swarmmanager.lab.Lab.docker("stack", "rm", stack);
        }
    }

    @Test
    void aRefusalAimedAtAnOverlongNameIsAuditedToo() {
        String name = "z" + "x".repeat(400);
        assertThat(Api.as(User.OPERATOR).call("DELETE", "/api/swarm/services/" + name, null).status()).isEqualTo(403);
        List<JsonObject> entries = entries("action=services.remove&target=zxxxx");
        assertThat(entries).isNotEmpty();
        assertThat(entries.get(0).getString("outcome")).isEqualTo("denied");
        assertThat(entries.get(0).getString("target")).startsWith("zxxx").hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void joinTokensAreAuditedButNeverStored() {
        String token = Api.get("/api/swarm/join-token/worker").json().getJsonObject("data").getString("token");

        String log = Api.get("/api/swarm/audit?action=swarm.join-token&size=500").body();
        assertThat(log).contains("swarm.join-token").doesNotContain(token);
    }

    @Test
    void onlyAdminsReadTheLogWhichFiltersAndPages() {
        Api.as(User.OPERATOR).call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":2}");
        Api.as(User.OPERATOR).call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":1}");
        Api.as(User.VIEWER).call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":3}");

        assertThat(Api.as(User.OPERATOR).call("GET", "/api/swarm/audit", null).status()).isEqualTo(403);
        JsonObject page = Api.get("/api/swarm/audit?target=" + service + "&user=" + User.OPERATOR.name + "&size=1").json();
        assertThat(page.getInt("count")).isEqualTo(1);
        assertThat(page.getInt("total")).isEqualTo(2);
        assertThat(page.getJsonArray("data").getJsonObject(0).getJsonObject("parameters").getString("replicas"))
                .as("newest first").isEqualTo("1");
        assertThat(entries("target=" + service + "&outcome=denied")).singleElement()
                .satisfies(e -> assertThat(e.getString("user")).isEqualTo(Api.userName(User.VIEWER)));
        assertThat(Api.get("/api/swarm/audit?outcome=sometimes").status()).isEqualTo(400);
        assertThat(Api.get("/api/swarm/audit?size=0").status()).isEqualTo(400);
    }

    private static List<JsonObject> entries(String query) {
        Api.Answer answer = Api.get("/api/swarm/audit?size=500&" + query);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().getJsonArray("data").getValuesAs(JsonObject.class);
    }
}
