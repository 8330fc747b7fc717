package dev.swarmmanager.it.security;

import static dev.swarmmanager.it.security.LocalModeIT.BASE;
import static dev.swarmmanager.it.security.LocalModeIT.basic;
import static dev.swarmmanager.lab.Lab.createWorkerService;
import static dev.swarmmanager.lab.Lab.docker;
import static dev.swarmmanager.lab.Lab.removeServiceQuietly;
import static dev.swarmmanager.lab.Lab.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.LocalServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local accounts with roles, on the local-mode server: an admin creates users with a role, and each can do what its
 * role allows and nothing more; a disabled account cannot sign in; repeated failures are throttled and audited.
 */
class LocalAccountsIT {

    private static final String PASSWORD = "correct horse battery";
    private Api admin;
    private String service;
    private final String operator = uniqueName("olga");
    private final String viewer = uniqueName("victor");

    @BeforeEach
    void usersAndAService() {
        admin = LocalServer.admin();
        assertThat(create(operator, "operator").status()).isEqualTo(201);
        assertThat(create(viewer, "viewer").status()).isEqualTo(201);
        service = uniqueName("local-roles");
        createWorkerService(service, 1);
    }

    @AfterEach
    void removeThem() {
        removeServiceQuietly(service);
        admin.call("DELETE", "/api/swarm/users/" + operator, null);
        admin.call("DELETE", "/api/swarm/users/" + viewer, null);
    }

    @Test
    void eachLocalUserDoesWhatItsRoleAllowsAndNothingMore() {
        Api olga = Api.of(BASE, basic(operator, PASSWORD));
        Api victor = Api.of(BASE, basic(viewer, PASSWORD));

        assertThat(victor.call("GET", "/api/swarm/services", null).status()).isEqualTo(200);
        assertThat(victor.call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":2}").status()).isEqualTo(403);
        assertThat(olga.call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":2}").status()).isEqualTo(200);
        assertThat(olga.call("DELETE", "/api/swarm/services/" + service, null).status()).isEqualTo(403);
        assertThat(olga.call("GET", "/api/swarm/users", null).status()).isEqualTo(403);
        assertThat(docker("service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("2");

        Api.Answer hostile = olga.call("POST", "/api/swarm/deploy-stack", Json.createObjectBuilder().add("stack_name", uniqueName("olga"))
                .add("stack_file", "services:\n  c:\n    image: ocr-worker:1.0\n    cap_add: [ALL]\n").build().toString());
        assertThat(hostile.status()).as("the deployment policy holds for local operators too").isEqualTo(403);

        List<JsonObject> users = admin.call("GET", "/api/swarm/users", null).json().getJsonArray("data").getValuesAs(JsonObject.class);
        assertThat(users).filteredOn(u -> u.getString("name").equals(operator)).singleElement()
                .satisfies(u -> {
                    assertThat(u.getString("role")).isEqualTo("operator");
                    assertThat(u.getBoolean("enabled")).isTrue();
                    assertThat(u.toString()).doesNotContain(PASSWORD).doesNotContain("PBKDF2");
                });
        assertThat(LocalModeIT.psql("SELECT password_hash FROM swarm_account WHERE name = '" + operator + "'"))
                .startsWith("PBKDF2WithHmacSHA256:600000:");
    }

    @Test
    void aDisabledAccountCannotSignInAndARoleChangeAppliesAtOnce() {
        Api olga = Api.of(BASE, basic(operator, PASSWORD));
        assertThat(olga.call("GET", "/api/swarm/services", null).status()).isEqualTo(200);

        assertThat(admin.call("PUT", "/api/swarm/users/" + operator, "{\"enabled\":false}").status()).isEqualTo(200);
        assertThat(olga.call("GET", "/api/swarm/services", null).status()).as("even within the remembered 5 minutes").isEqualTo(401);

        assertThat(admin.call("PUT", "/api/swarm/users/" + operator, "{\"enabled\":true,\"role\":\"viewer\"}").status()).isEqualTo(200);
        assertThat(olga.call("GET", "/api/swarm/services", null).status()).isEqualTo(200);
        assertThat(olga.call("POST", "/api/swarm/services/" + service + "/scale", "{\"replicas\":2}").status()).isEqualTo(403);

        assertThat(admin.call("POST", "/api/swarm/users/" + operator + "/password", "{\"password\":\"another long passphrase\"}").status())
                .isEqualTo(200);
        assertThat(olga.call("GET", "/api/swarm/services", null).status()).isEqualTo(401);
        assertThat(Api.of(BASE, basic(operator, "another long passphrase")).call("GET", "/api/swarm/services", null).status()).isEqualTo(200);
    }

    @Test
    void repeatedFailuresAreThrottledAndAudited() {
        Api wrong = Api.of(BASE, basic(viewer, "not the password"));
        int refused = 0;
        Api.Answer answer = null;
        for (int i = 0; i < 8 && (answer == null || answer.status() == 401); i++) {
            answer = wrong.call("GET", "/api/swarm/services", null);
            refused++;
        }
        assertThat(answer.status()).as("after " + refused + " failures").isEqualTo(429);
        assertThat(refused).isBetween(5, 6);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.error()).contains("too many failed sign-ins");
        assertThat(Api.of(BASE, basic(viewer, PASSWORD)).call("GET", "/api/swarm/services", null).status())
                .as("the right password waits too").isEqualTo(429);

        List<JsonObject> rows = admin.call("GET", "/api/swarm/audit?action=sign-in&user=" + viewer, null).json()
                .getJsonArray("data").getValuesAs(JsonObject.class);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5).allSatisfy(row -> {
            assertThat(row.getString("outcome")).isEqualTo("failed");
            assertThat(row.getString("error")).isEqualTo("wrong password");
        });
    }

    @Test
    void badRequestsAndTheLastAdminAreRefused() {
        assertThat(create("short-" + operator, "operator", "tooshort").status()).isEqualTo(400);
        assertThat(create("x-" + operator, "root").status()).isEqualTo(400);
        assertThat(create("bad name!", "viewer").status()).isEqualTo(400);
        assertThat(create("Autoscaler", "viewer").json().getString("error")).as("the audit log's name for the autoscaler")
                .isEqualTo("name 'autoscaler' is the name the autoscaler acts under in the audit log");
        assertThat(create(operator, "viewer").status()).isEqualTo(409);
        // What each request needs is checked before anything else (Bean Validation, by the request's group).
        assertThat(admin.call("POST", "/api/swarm/users", "{\"name\":\"nopass-" + operator + "\",\"role\":\"viewer\"}").json()
                .getString("error")).isEqualTo("password is required, for example 12 characters or more");
        assertThat(admin.call("POST", "/api/swarm/users/" + operator + "/password", "{\"role\":\"admin\"}").json().getString("error"))
                .isEqualTo("password is required, for example 12 characters or more");
        assertThat(admin.call("PUT", "/api/swarm/users/" + operator, "{}").status()).as("a change of nothing").isEqualTo(200);
        assertThat(admin.call("PUT", "/api/swarm/users/admin", "{\"enabled\":false}").status()).isEqualTo(409);
        assertThat(admin.call("PUT", "/api/swarm/users/admin", "{\"role\":\"operator\"}").status()).isEqualTo(409);
        assertThat(admin.call("DELETE", "/api/swarm/users/admin", null).status()).isEqualTo(409);
        assertThat(admin.call("DELETE", "/api/swarm/users/no-such-user", null).status()).isEqualTo(404);
        assertThat(admin.call("GET", "/api/swarm/audit?action=users.create&target=" + operator, null).json().getInt("total"))
                .as("the creation and the refused duplicate").isEqualTo(2);
        assertThat(admin.call("GET", "/api/swarm/audit?action=users.create&target=" + operator, null).body()).doesNotContain(PASSWORD);
    }

    private Api.Answer create(String name, String role) {
        return create(name, role, PASSWORD);
    }

    private Api.Answer create(String name, String role, String password) {
        return admin.call("POST", "/api/swarm/users", Json.createObjectBuilder().add("name", name).add("role", role)
                .add("password", password).build().toString());
    }
}
