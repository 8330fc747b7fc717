package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.dockerOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles that differ per cluster: the lab's other1 registered as {@code production}, whose own group mapping
 * (swarm-ear/pom.xml: {@code SWARM_CLUSTERS_PRODUCTION_ROLES_*}) makes the server's operators its viewers, grants
 * operator to the group {@code production-operators} only, and leaves the server's {@code staging-viewers} out. The
 * docker CLI on other1 witnesses what was and was not changed; the audit log what was refused.
 */
class ClusterRolesIT {

    private static final String CLUSTER = "production";
    private static final String ROUTE = "/api/clusters/" + CLUSTER + "/swarm";

    private final Api serverOperator = Api.as(User.OPERATOR);
    private String service;

    @BeforeAll
    static void register() {
        assumeFalse(Api.LOCAL_SIGN_IN, "per-cluster roles come from the provider's groups");
        IdentityProvider.start();
        Api.Answer registered = Api.as(User.ADMIN).call("PUT", "/api/swarm/clusters/" + CLUSTER, ClustersIT.tlsBody("client"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    }

    @AfterAll
    static void unregister() {
        if (!Api.LOCAL_SIGN_IN) {
            Api.as(User.ADMIN).call("DELETE", "/api/swarm/clusters/" + CLUSTER, null);
        }
    }

    @BeforeEach
    void aServiceOnProduction() {
        service = Lab.uniqueName("prod");
        dockerOn("other1", "service", "create", "--detach", "--name", service, "--replicas", "1", "ocr-worker:1.0");
        Lab.await(java.time.Duration.ofSeconds(30), () -> Api.as(User.ADMIN).call("GET", ROUTE + "/services", null).body().contains(service),
                () -> service + " in the mirror of " + CLUSTER); // made behind its back: its event watch brings it
    }

    @AfterEach
    void removeIt() {
        dockerOn("other1", "service", "rm", service);
    }

    private static Api withGroups(String user, String... groups) {
        return Api.of(Api.BASE, "Bearer " + IdentityProvider.token(user, List.of(groups), IdentityProvider.CLIENT_ID, 3600));
    }

    private String replicasOnOther1() {
        return dockerOn("other1", "service", "inspect", service, "--format", "{{.Spec.Mode.Replicated.Replicas}}");
    }

    @Test
    void theServersOperatorReadsProductionButCannotChangeIt() {
        Api.Answer listed = serverOperator.call("GET", ROUTE + "/services", null);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.body()).contains(service);

        Api.Answer refused = serverOperator.call("POST", ROUTE + "/services/" + service + "/scale", "{\"replicas\":3}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(replicasOnOther1()).as("production untouched").isEqualTo("1");
        JsonObject denied = Api.get("/api/swarm/audit?size=50&action=services.scale&target=" + service).json()
                .getJsonArray("data").getJsonObject(0);
        assertThat(denied.getString("outcome")).isEqualTo("denied");
        assertThat(denied.getString("cluster")).isEqualTo(CLUSTER);
        assertThat(denied.getString("user")).isEqualTo(Api.userName(User.OPERATOR));
    }

    /** Scales the service to two replicas as someone in these groups: the answer's status, and what other1 then runs. */
    private String scaleAs(String user, int expectedStatus, String... groups) {
        Api.Answer answer = withGroups(user, groups).call("POST", ROUTE + "/services/" + service + "/scale", "{\"replicas\":2}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(expectedStatus);
        return replicasOnOther1();
    }

    @Test
    void productionsOwnOperatorGroupScalesThere() {
        assertThat(scaleAs("olga", 200, "swarm-operators", "production-operators")).isEqualTo("2");
    }

    @Test
    void productionsGroupCannotGrantMoreThanTheServersOwn() {
        // production maps production-operators to operator, but the server grants this user nothing beyond viewer
        assertThat(scaleAs("paul", 403, "swarm-viewers", "production-operators")).isEqualTo("1");
    }

    @Test
    void someoneProductionDoesNotMapNeitherSeesNorReachesIt() {
        Api sven = withGroups("sven", "staging-viewers");
        assertThat(sven.call("GET", "/api/swarm/services", null).status()).as("a viewer of the default Swarm").isEqualTo(200);

        Api.Answer clusters = sven.call("GET", "/api/swarm/clusters", null);
        assertThat(clusters.status()).as(clusters.body()).isEqualTo(200);
        assertThat(clusters.json().getJsonArray("data").getValuesAs(JsonObject.class)).extracting(c -> c.getString("name"))
                .contains("default").doesNotContain(CLUSTER);

        Api.Answer routed = sven.call("GET", ROUTE + "/services", null);
        assertThat(routed.status()).as(routed.body()).isEqualTo(403);
        assertThat(routed.error()).contains(CLUSTER);
        assertThat(routed.body()).doesNotContain(service);
        assertThat(sven.call("GET", "/api/swarm/clusters/" + CLUSTER, null).status()).isEqualTo(403);

        // nor what happened there: the service made there is in the history, for those who may see production
        Lab.await(java.time.Duration.ofSeconds(30), () -> Api.as(User.ADMIN).call("GET", "/api/swarm/history?object=" + service, null)
                .body().contains("\"cluster\":\"" + CLUSTER + "\""), () -> service + " in the history of " + CLUSTER);
        assertThat(sven.call("GET", "/api/swarm/history?cluster=" + CLUSTER, null).status()).isEqualTo(403);
        Api.Answer everywhere = sven.call("GET", "/api/swarm/history?object=" + service, null);
        assertThat(everywhere.status()).as(everywhere.body()).isEqualTo(200);
        assertThat(everywhere.json().getInt("total")).as("production's entries left out").isZero();

        // and they stay production's once it is no longer managed: its mapping still names it
        assertThat(Api.as(User.ADMIN).call("DELETE", "/api/swarm/clusters/" + CLUSTER, null).status()).isEqualTo(200);
        try {
            assertThat(sven.call("GET", "/api/swarm/history?object=" + service, null).json().getInt("total"))
                    .as("a removed cluster's entries").isZero();
            assertThat(sven.call("GET", "/api/swarm/history?cluster=" + CLUSTER, null).status()).isEqualTo(403);
        } finally {
            register(); // for the other tests
        }
    }
}
