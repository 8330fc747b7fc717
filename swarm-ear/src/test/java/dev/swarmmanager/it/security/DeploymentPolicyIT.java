package dev.swarmmanager.it.security;

import static dev.swarmmanager.lab.Lab.docker;
import static dev.swarmmanager.lab.Lab.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.Api;
import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-deployment suite: for every rule of the deployment policy, a stack or an update that breaks it, sent
 * to the deployed server as an operator: refused with the rule and the Compose path named, the docker CLI shows
 * nothing created or changed, and the audit log has the denied row with the rule. The same as an admin goes through,
 * audited as a bypass; limits (Swarm's ports, the replica maximum) hold for admins too. The server under test allows
 * images from docker.io only (swarm-ear/pom.xml), so the registry rule has something to refuse.
 */
class DeploymentPolicyIT {

    private static final String SERVICE = "version: '3.8'\nservices:\n  c:\n    image: ocr-worker:1.0\n";
    private static String privateSecret;
    private static String privateConfig;
    private static String otherNetwork;
    private static Path content;
    private final List<String> stacks = new ArrayList<>();
    private final List<String> services = new ArrayList<>();

    @BeforeAll
    static void objectsOfSomeoneElse() throws IOException {
        content = Files.createTempFile("policy-it", ".txt");
        Files.writeString(content, "payroll-db-password");
        privateSecret = uniqueName("payroll-db");
        privateConfig = uniqueName("payroll-conf");
        otherNetwork = uniqueName("payroll-net");
        docker("secret", "create", "--label", "com.docker.stack.namespace=payroll", privateSecret, content.toString());
        docker("config", "create", "--label", "com.docker.stack.namespace=payroll", privateConfig, content.toString());
        docker("network", "create", "--driver", "overlay", "--label", "com.docker.stack.namespace=payroll", otherNetwork);
    }

    @AfterAll
    static void removeThem() throws IOException {
        for (String[] rm : List.of(new String[] {"secret", "rm", privateSecret}, new String[] {"config", "rm", privateConfig},
                new String[] {"network", "rm", otherNetwork})) {
            try {
                docker(rm);
            } catch (AssertionError ignored) {
                // already gone
            }
        }
        Files.deleteIfExists(content);
    }

    @AfterEach
    void removeStacks() {
        stacks.forEach(stack -> {
            try {
                docker("stack", "rm", stack);
            } catch (AssertionError ignored) {
                // never deployed
            }
        });
        services.forEach(Lab::removeServiceQuietly);
    }

    /** A hostile case: the file, the rule it breaks, where, and whether it is a limit for everyone (400). */
    record Case(String rule, String path, String yaml, boolean limitForAll) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("capabilities", "services.c.cap_add[0]", SERVICE + "    cap_add: [ALL]\n", false),
                new Case("capabilities", "services.c.cap_add[1]", SERVICE + "    cap_add: [CHOWN, DAC_READ_SEARCH]\n", false),
                new Case("bind-mounts", "services.c.volumes[1]",
                        SERVICE + "    volumes: [\"/srv/c:/data\", \"/var/run/docker.sock:/var/run/docker.sock\"]\n", false),
                new Case("bind-mounts", "services.c.volumes[0]", SERVICE + "    volumes: [d:/data]\nvolumes:\n  d:\n"
                        + "    driver_opts: {type: none, o: bind, device: /srv/elsewhere}\n", false),
                new Case("manager-placement", "services.c.deploy.placement.constraints[0]",
                        SERVICE + "    deploy:\n      placement:\n        constraints: [node.role == manager]\n", false),
                new Case("low-ports", "services.c.ports", SERVICE + "    ports: [\"22:8080\"]\n", false),
                new Case("host-mode-ports", "services.c.ports",
                        SERVICE + "    ports:\n      - {target: 8080, published: 18081, mode: host}\n", false),
                new Case("reserved-ports", "services.c.ports", SERVICE + "    ports: [\"2377:8080\"]\n", true),
                new Case("max-replicas", "services.c.deploy.replicas", SERVICE + "    deploy:\n      replicas: 1000000\n", true),
                new Case("log-drivers", "services.c.logging.driver",
                        SERVICE + "    logging:\n      driver: syslog\n      options: {syslog-address: \"tcp://192.0.2.1:514\"}\n", false),
                new Case("registries", "services.c.image", SERVICE.replace("ocr-worker:1.0", "ghcr.io/attacker/shocker:1"), false),
                new Case("network-drivers", "networks.n.driver",
                        SERVICE + "    networks: [n]\nnetworks:\n  n:\n    driver: macvlan\n", false),
                new Case("external-objects", "networks.n.external",
                        SERVICE + "    networks: [n]\nnetworks:\n  n:\n    external: true\n    name: " + otherNetwork + "\n", false),
                new Case("external-objects", "secrets.s.external",
                        SERVICE + "    secrets: [s]\nsecrets:\n  s:\n    external: true\n    name: " + privateSecret + "\n", false),
                new Case("external-objects", "configs.k.external",
                        SERVICE + "    configs: [k]\nconfigs:\n  k:\n    external: true\n    name: " + privateConfig + "\n", false),
                new Case("foreign-objects", "configs.k.name",
                        SERVICE + "    configs: [k]\nconfigs:\n  k:\n    name: " + privateConfig + "\n    content: payroll-db-password\n", false));
    }

    @TestFactory
    Stream<DynamicTest> anOperatorIsRefusedEachRuleAndNothingIsCreated() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.rule() + " at " + c.path(), () -> {
            String stack = stack();
            Api.Answer answer = deploy(User.OPERATOR, stack, c.yaml(), "");

            assertThat(answer.status()).as(answer.body()).isEqualTo(c.limitForAll() ? 400 : 403);
            assertThat(violations(answer.json())).contains(c.rule() + " " + c.path());
            assertThat(answer.error()).contains(c.rule());
            assertNothingDeployed(stack);
            JsonObject row = lastAuditRow(stack);
            assertThat(row.getString("outcome")).isEqualTo("denied");
            assertThat(row.getString("user")).isEqualTo(User.OPERATOR.name);
            assertThat(row.getString("error")).contains(c.rule() + ": " + c.path());
        }));
    }

    @TestFactory
    Stream<DynamicTest> anAdminBypassesTheRoleRulesAuditedButNotTheLimits() {
        // Not the takeover of another stack's config: done by an admin, it would move that config into this stack.
        return cases().stream().filter(c -> !c.rule().equals("foreign-objects")).map(c -> DynamicTest.dynamicTest(c.rule() + " at " + c.path(), () -> {
            String stack = stack();
            Api.Answer answer = deploy(User.ADMIN, stack, c.yaml(), "");
            JsonObject row = lastAuditRow(stack);
            if (c.limitForAll()) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(400);
                assertThat(violations(answer.json())).contains(c.rule() + " " + c.path());
                assertNothingDeployed(stack);
                assertThat(row.getString("outcome")).isEqualTo("denied");
                return;
            }
            // Docker itself may refuse what the policy let through (macvlan needs a parent interface, the image
            // cannot be pulled here): the bypass is recorded with whatever the outcome was.
            assertThat(answer.status()).as(answer.body()).isIn(201, 409, 400, 503);
            assertThat(row.getJsonObject("parameters").getString("policy_bypassed")).contains(c.rule() + ": " + c.path());
            if (answer.status() == 201) {
                assertThat(violations(answer.json().getJsonObject("data"))).contains(c.rule() + " " + c.path());
                assertThat(row.getString("outcome")).isEqualTo("succeeded");
                assertThat(docker("service", "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "-q")).isNotEmpty();
            }
        }));
    }

    @Test
    void anOperatorCreatesAndEditsServicesWithinThePolicyOnly() {
        Api operator = Api.as(User.OPERATOR);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("capabilities %s.cap_add[0]", "{\"image\":\"ocr-worker:1.0\",\"cap_add\":[\"ALL\"]}");
        refused.put("bind-mounts %s.volumes[0]", "{\"image\":\"ocr-worker:1.0\",\"volumes\":[\"/var/run/docker.sock:/s\"]}");
        refused.put("external-objects %s.volumes[0]", "{\"image\":\"ocr-worker:1.0\",\"volumes\":[\"payroll_db:/data\"]}");
        refused.put("external-objects %s.secrets[0]", "{\"image\":\"ocr-worker:1.0\",\"secrets\":[\"" + privateSecret + "\"]}");
        refused.put("external-objects %s.configs[0]", "{\"image\":\"ocr-worker:1.0\",\"configs\":[\"" + privateConfig + "\"]}");
        refused.put("external-objects %s.networks[0]", "{\"image\":\"ocr-worker:1.0\",\"networks\":[\"" + otherNetwork + "\"]}");
        refused.put("registries %s.image", "{\"image\":\"ghcr.io/attacker/shocker:1\"}");
        refused.forEach((violation, service) -> {
            String name = uniqueName("policy-svc");
            services.add(name);
            Api.Answer answer = operator.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":" + service + "}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(violations(answer.json())).contains(violation.formatted("services." + name));
            assertThat(docker("service", "ls", "--filter", "name=" + name, "-q")).isEmpty();
            assertThat(lastAuditRow(name).getString("outcome")).isEqualTo("denied");
        });

        String name = uniqueName("policy-svc");
        services.add(name);
        assertThat(operator.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\"}}")
                .status()).isEqualTo(201);
        Api.Answer edit = operator.call("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"cap_add\":[\"SYS_ADMIN\"]}}");
        assertThat(edit.status()).as(edit.body()).isEqualTo(403);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.CapabilityAdd}}")).isEqualTo("[]");

        // An admin's privileged update must not come back through an operator's rollback, nor be edited away by one.
        assertThat(violations(edit.json())).contains("capabilities services." + name + ".cap_add[0]");
        assertThat(Api.as(User.ADMIN).call("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"cap_add\":[\"SYS_ADMIN\"]}}")
                .status()).isEqualTo(200);
        Api.Answer away = operator.call("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"cap_add\":null}}");
        assertThat(away.status()).as("an operator changes no privileged service, not even to drop the privilege").isEqualTo(403);
        assertThat(violations(away.json())).contains("privileged-service services." + name);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.CapabilityAdd}}")).isEqualTo("[SYS_ADMIN]");
        assertThat(Api.as(User.ADMIN).call("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"cap_add\":null}}").status()).isEqualTo(200);
        Api.Answer rollback = operator.call("POST", "/api/swarm/services/" + name + "/rollback", null);
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(403);
        assertThat(violations(rollback.json())).contains("capabilities services." + name + ".cap_add[0]");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.CapabilityAdd}}")).isEqualTo("[]");
    }

    @Test
    void anOperatorDoesNotChangeWhatAServiceHoldingAnUnsharedSecretRunsNorRollsOneBack() {
        Api operator = Api.as(User.OPERATOR);
        Api admin = Api.as(User.ADMIN);
        String name = uniqueName("policy-secret");
        services.add(name);
        assertThat(admin.call("POST", "/api/swarm/services", "{\"name\":\"" + name + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"secrets\":[\""
                + privateSecret + "\"]}}").status()).isEqualTo(201);

        Api.Answer print = operator.call("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"entrypoint\":[\"sh\",\"-c\",\"cat /run/secrets/*\"]}}");
        assertThat(print.status()).as(print.body()).isEqualTo(403);
        assertThat(violations(print.json())).contains("privileged-service services." + name);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Command}}")).isEqualTo("[]");
        assertThat(operator.call("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"environment\":{\"LOG_LEVEL\":\"debug\"}}}").status())
                .as("a setting that runs nothing new").isEqualTo(200);

        assertThat(admin.call("PATCH", "/api/swarm/services/" + name, "{\"changes\":{\"secrets\":null}}").status()).isEqualTo(200);
        Api.Answer rollback = operator.call("POST", "/api/swarm/services/" + name + "/rollback", null);
        assertThat(rollback.status()).as("a rollback would give the secret back").isEqualTo(403);
        assertThat(violations(rollback.json())).contains("external-objects services." + name + ".secrets");
        assertThat(docker("service", "inspect", name, "--format", "{{len .Spec.TaskTemplate.ContainerSpec.Secrets}}")).isEqualTo("0");

        Api.Answer stackLabel = operator.call("POST", "/api/swarm/services", "{\"name\":\"" + uniqueName("policy-svc")
                + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"volumes\":[\"payroll_db:/d\"],\"deploy\":{\"labels\":{\"com.docker.stack.namespace\":\"payroll\"}}}}");
        assertThat(stackLabel.status()).as("a service cannot pass for a stack's").isEqualTo(400);
        assertThat(stackLabel.error()).contains("com.docker.stack.* labels belong to the stack tooling");
    }

    @Test
    void aTemplateCarriesNothingItsAuthorCouldNotDeploy() {
        String template = uniqueName("policy-tpl");
        Api.Answer saved = Api.as(User.OPERATOR).call("POST", "/api/swarm/templates", "{\"name\":\"" + template
                + "\",\"service\":{\"image\":\"ocr-worker:1.0\",\"volumes\":[\"/var/run/docker.sock:/s\"]}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(403);
        assertThat(violations(saved.json())).contains("bind-mounts services." + template + ".volumes[0]");
        assertThat(Api.as(User.OPERATOR).call("GET", "/api/swarm/templates/" + template, null).status()).isEqualTo(404);
    }

    @Test
    void theAdminsCapabilityReachesDockerAsWritten() {
        String stack = stack();
        assertThat(deploy(User.ADMIN, stack, SERVICE + "    cap_add: [NET_ADMIN]\n", "").status()).isEqualTo(201);
        assertThat(docker("service", "inspect", stack + "_c", "--format", "{{.Spec.TaskTemplate.ContainerSpec.CapabilityAdd}}"))
                .isEqualTo("[NET_ADMIN]");
    }

    @Test
    void anOperatorMayNotPruneNorRedeployOverAServiceThatHoldsPrivileges() {
        String stack = stack();
        String two = SERVICE + "  d:\n    image: ocr-worker:1.0\n";
        assertThat(deploy(User.OPERATOR, stack, two, "").status()).isEqualTo(201);

        Api.Answer pruned = deploy(User.OPERATOR, stack, SERVICE, "", true);
        assertThat(pruned.status()).as(pruned.body()).isEqualTo(403);
        assertThat(violations(pruned.json())).contains("prune prune");
        assertThat(docker("stack", "services", stack, "--format", "{{.Name}}").lines()).containsExactlyInAnyOrder(stack + "_c", stack + "_d");
        assertThat(deploy(User.OPERATOR, stack, SERVICE, "").status()).as("a redeploy without prune").isEqualTo(201);

        assertThat(deploy(User.ADMIN, stack, SERVICE + "    cap_add: [SYS_ADMIN]\n", "").status()).isEqualTo(201);
        Api.Answer over = deploy(User.OPERATOR, stack, SERVICE, "");
        assertThat(over.status()).as(over.body()).isEqualTo(403);
        assertThat(violations(over.json())).contains("privileged-service services.c");
        assertThat(docker("service", "inspect", stack + "_c", "--format", "{{.Spec.TaskTemplate.ContainerSpec.CapabilityAdd}}"))
                .isEqualTo("[SYS_ADMIN]");
    }

    @Test
    void aServiceHoldingTheDockerSocketIsChangedByAdminsOnly() {
        String name = uniqueName("socket-holder");
        services.add(name);
        docker("service", "create", "--detach", "--name", name, "--replicas", "1", "--stop-grace-period", "2s",
                "--mount", "type=bind,source=/var/run/docker.sock,target=/var/run/docker.sock", "--cap-add", "SYS_ADMIN",
                "ocr-worker:1.0");
        Lab.await(Duration.ofSeconds(15), () -> Api.get("/api/swarm/services/" + name).status() == 200, () -> name + " to be known");
        JsonObject listed = Api.as(User.VIEWER).call("GET", "/api/swarm/services/" + name, null).json().getJsonObject("data");
        assertThat(listed.getJsonArray("privileges").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactlyInAnyOrder("capabilities CAP_SYS_ADMIN", "bind-mounts /var/run/docker.sock"); // as the CLI stores it

        Api operator = Api.as(User.OPERATOR);
        Api.Answer image = operator.call("PUT", "/api/swarm/services/" + name + "/image", "{\"image\":\"ocr-worker:2.0\"}");
        assertThat(image.status()).as(image.body()).isEqualTo(403);
        assertThat(violations(image.json())).contains("privileged-service services." + name);
        Api.Answer scale = operator.call("POST", "/api/swarm/services/" + name + "/scale", "{\"replicas\":2}");
        assertThat(scale.status()).as(scale.body()).isEqualTo(403);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.Mode.Replicated.Replicas}}"))
                .startsWith("ocr-worker:1.0").endsWith(" 1");
        assertThat(lastAuditRow(name).getString("outcome")).isEqualTo("denied");

        Api.Answer byAdmin = Api.put("/api/swarm/services/" + name + "/image", "{\"image\":\"ocr-worker:2.0\"}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}")).startsWith("ocr-worker:2.0");
        JsonObject row = lastAuditRow(name);
        assertThat(row.getString("outcome")).isEqualTo("succeeded");
        assertThat(row.getJsonObject("parameters").getString("policy_bypassed")).contains("privileged-service");
    }

    @Test
    void anImageUpdateFromARegistryNotAllowedIsRefused() {
        String name = uniqueName("plain");
        services.add(name);
        Lab.createWorkerService(name, 1);
        Api.Answer answer = Api.as(User.OPERATOR).call("PUT", "/api/swarm/services/" + name + "/image", "{\"image\":\"ghcr.io/attacker/x:1\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        assertThat(violations(answer.json())).contains("registries services." + name + ".image");
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.TaskTemplate.ContainerSpec.Image}}")).startsWith("ocr-worker:1.0");
    }

    @Test
    void aDryRunShowsTheViolationsOnTheirLinesAndChangesNothing() {
        String stack = stack();
        String yaml = SERVICE + "    cap_add:\n      - NET_ADMIN\n    deploy:\n      replicas: 2\n      placement:\n"
                + "        constraints: [node.role == manager]\n";
        Api.Answer answer = deploy(User.OPERATOR, stack, yaml, "?dry_run=true");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonObject data = answer.json().getJsonObject("data");
        assertThat(data.getBoolean("dry_run")).isTrue();
        assertThat(data.getJsonArray("created").getValuesAs(JsonString.class)).extracting(JsonString::getString).containsExactly(stack + "_c");
        assertThat(data.getJsonArray("violations").getValuesAs(JsonObject.class))
                .extracting(v -> v.getString("rule") + "@" + v.getInt("line"))
                .containsExactly("capabilities@6", "manager-placement@10");
        assertNothingDeployed(stack);
    }

    @Test
    void aDryRunsPlanIsWhatTheDeployThenDoes() {
        String stack = stack();
        String yaml = SERVICE + "    networks: [pages]\n  d:\n    image: ocr-worker:2.0\nnetworks:\n  pages: {}\nconfigs:\n  k:\n    content: x\n";
        JsonObject plan = deploy(User.OPERATOR, stack, yaml, "?dry_run=true").json().getJsonObject("data");
        assertNothingDeployed(stack);
        Api.Answer done = deploy(User.OPERATOR, stack, yaml, "");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        JsonObject result = done.json().getJsonObject("data");
        for (String key : List.of("created", "updated", "removed", "networks", "secrets", "configs")) {
            assertThat(plan.getJsonArray(key)).as(key).isEqualTo(result.getJsonArray(key));
        }
        assertThat(plan.getJsonArray("created")).hasSize(2);

        JsonObject replan = deploy(User.OPERATOR, stack, SERVICE, "?dry_run=true", true).json().getJsonObject("data");
        assertThat(replan.getJsonArray("updated").getString(0)).isEqualTo(stack + "_c");
        assertThat(replan.getJsonArray("removed").getString(0)).isEqualTo(stack + "_d");
        assertThat(replan.getJsonArray("violations").getJsonObject(0).getString("rule")).isEqualTo("prune");
        assertThat(docker("stack", "services", stack, "--format", "{{.Name}}").lines()).hasSize(2);
    }

    @Test
    void anyoneSignedInReadsThePolicyInForce() {
        Api.Answer answer = Api.as(User.VIEWER).call("GET", "/api/swarm/policy", null);
        assertThat(answer.status()).isEqualTo(200);
        JsonObject data = answer.json().getJsonObject("data");
        assertThat(data.getBoolean("applies_to_admins")).isFalse();
        assertThat(data.getJsonArray("rules").getValuesAs(JsonObject.class)).extracting(r -> r.getString("name"))
                .contains("capabilities", "bind-mounts", "reserved-ports", "registries", "prune", "privileged-service");
        assertThat(data.getJsonArray("rules").getValuesAs(JsonObject.class))
                .filteredOn(r -> r.getString("name").equals("registries")).singleElement()
                .satisfies(r -> assertThat(r.getString("value")).isEqualTo("docker.io"));
    }

    private String stack() {
        String stack = uniqueName("pol");
        stacks.add(stack);
        return stack;
    }

    private static Api.Answer deploy(User user, String stack, String yaml, String query) {
        return deploy(user, stack, yaml, query, false);
    }

    private static Api.Answer deploy(User user, String stack, String yaml, String query, boolean prune) {
        String body = Json.createObjectBuilder().add("stack_name", stack).add("stack_file", yaml).add("prune", prune).build().toString();
        return Api.as(user).call("POST", "/api/swarm/deploy-stack" + query, body);
    }

    /** "rule path" of each violation. */
    private static List<String> violations(JsonObject body) {
        return body.getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                .map(v -> v.getString("rule") + " " + v.getString("path")).toList();
    }

    private static void assertNothingDeployed(String stack) {
        assertThat(docker("service", "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "-q")).isEmpty();
        assertThat(docker("network", "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "-q")).isEmpty();
        assertThat(docker("config", "ls", "--filter", "label=com.docker.stack.namespace=" + stack, "-q")).isEmpty();
    }

    private static JsonObject lastAuditRow(String target) {
        Api.Answer answer = Api.get("/api/swarm/audit?size=1&target=" + target);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().getJsonArray("data")).as("audit rows for " + target).isNotEmpty();
        return answer.json().getJsonArray("data").getJsonObject(0);
    }
}
