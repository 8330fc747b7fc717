package dev.swarmmanager.it;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.swarmmanager.it.IdentityProvider.User;
import dev.swarmmanager.lab.Lab;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Service templates through the deployed API: the shipped OCR worker's, versions, parameters, a service saved as one. */
class TemplatesApiIT {

    private final Api operator = Api.as(User.OPERATOR);
    private final List<String> services = new ArrayList<>();
    private final String template = Lab.uniqueName("tpl");

    @BeforeAll
    static void signIn() {
        IdentityProvider.start();
    }

    @AfterEach
    void removeThem() {
        services.forEach(Lab::removeServiceQuietly);
        operator.call("DELETE", "/api/swarm/templates/" + template, null);
    }

    private String service() {
        String name = Lab.uniqueName("tpl-svc");
        services.add(name);
        return name;
    }

    @Test
    void theOcrWorkersTemplateShipsAndMakesAServiceWithTheValuesGiven() {
        JsonObject shipped = operator.call("GET", "/api/swarm/templates/ocr-worker", null).json().getJsonObject("data");
        assertThat(shipped.getJsonArray("parameters").getValuesAs(JsonObject.class)).extracting(p -> p.getString("name") + "=" + p.getString("default_value"))
                .containsExactly("TAG=1.0", "INTERVAL=1", "REPLICAS=2");
        JsonObject viewed = Api.as(User.VIEWER).call("GET", "/api/swarm/templates/ocr-worker", null).json().getJsonObject("data");
        assertThat(viewed.isNull("service")).as("a viewer reads what a template is, not the values it holds").isTrue();
        assertThat(viewed.getJsonArray("parameters").getValuesAs(JsonObject.class)).extracting(p -> p.getString("name"))
                .containsExactly("TAG", "INTERVAL", "REPLICAS");
        assertThat(viewed.getJsonArray("parameters").getJsonObject(0).isNull("default_value")).isTrue();

        String name = service();
        Api.Answer made = operator.call("POST", "/api/swarm/templates/ocr-worker/services",
                "{\"name\":\"" + name + "\",\"values\":{\"TAG\":\"2.0\",\"REPLICAS\":\"3\"}}");

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(docker("service", "inspect", name, "--format",
                "{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.Mode.Replicated.Replicas}} {{.Spec.TaskTemplate.ContainerSpec.Env}}"))
                .isEqualTo("ocr-worker:2.0 3 [OCR_WORKER_INTERVAL=1]");
        Api.Answer unknown = operator.call("POST", "/api/swarm/templates/ocr-worker/services", "{\"name\":\"" + service() + "\",\"values\":{\"TAGG\":\"2.0\"}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.error()).contains("TAGG").contains("TAG, INTERVAL, REPLICAS");
        assertThat(Api.as(User.VIEWER).call("POST", "/api/swarm/templates/ocr-worker/services", "{\"name\":\"" + service() + "\"}").status())
                .isEqualTo(403);
    }

    @Test
    void aTemplateIsVersionedCheckedBeforeItIsKeptAndUsedAtAnyVersion() {
        String v1 = Json.createObjectBuilder().add("name", template).add("description", "first")
                .add("service", "image: ocr-worker:${TAG:?the image tag}\ndeploy: {replicas: 1}\n").build().toString();
        Api.Answer saved = operator.call("POST", "/api/swarm/templates", v1);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().getJsonObject("data").getJsonArray("parameters").getJsonObject(0).getBoolean("required")).isTrue();
        assertThat(operator.call("POST", "/api/swarm/templates", v1.replace("replicas: 1", "replicas: 2")).json()
                .getJsonObject("data").getInt("version")).isEqualTo(2);

        Api.Answer bad = operator.call("POST", "/api/swarm/templates", v1.replace("image:", "imagee:"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).contains("imagee is not a Compose service key");
        assertThat(Api.as(User.VIEWER).call("GET", "/api/swarm/templates/" + template + "/versions", null).json().getInt("count"))
                .as("nothing kept of the bad one").isEqualTo(2);

        String name = service();
        assertThat(operator.call("POST", "/api/swarm/templates/" + template + "/services", "{\"name\":\"" + name + "\"}").error())
                .as("a required parameter left out").contains("needs variable TAG");
        assertThat(operator.call("POST", "/api/swarm/templates/" + template + "/services",
                "{\"name\":\"" + name + "\",\"values\":{\"TAG\":\"1.0\"},\"version\":1}").status()).isEqualTo(201);
        assertThat(docker("service", "inspect", name, "--format", "{{.Spec.Mode.Replicated.Replicas}}")).isEqualTo("1");
        assertThat(Api.get("/api/swarm/audit?action=templates.save&target=" + template).json().getInt("total")).isEqualTo(3);
    }

    @Test
    void aRunningServiceIsSavedAsATemplateAndMadeAgainFromIt() {
        String original = service();
        Lab.createWorkerService(original, 2);
        docker("service", "update", "--detach", "--env-add", "DB_PASSWORD=hunter2", "--env-add", "LEVEL=debug", original);
        Api.Answer saved = operator.call("POST", "/api/swarm/templates",
                "{\"name\":\"" + template + "\",\"from_service\":\"" + original + "\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        assertThat(saved.json().getJsonObject("data").getString("service")).contains("image: ocr-worker:1.0", "LEVEL=debug");
        assertThat(saved.body()).as("a secret's value is not kept in a template, it becomes a parameter").doesNotContain("hunter2");
        assertThat(saved.json().getJsonObject("data").getJsonArray("parameters").getJsonObject(0).getString("name")).isEqualTo("DB_PASSWORD");

        String copy = service();
        assertThat(operator.call("POST", "/api/swarm/templates/" + template + "/services", "{\"name\":\"" + copy + "\"}").error())
                .contains("give DB_PASSWORD");
        assertThat(operator.call("POST", "/api/swarm/templates/" + template + "/services",
                "{\"name\":\"" + copy + "\",\"values\":{\"DB_PASSWORD\":\"hunter2\"}}").status()).isEqualTo(201);
        String env = "{{range .Spec.TaskTemplate.ContainerSpec.Env}}{{println .}}{{end}}"; // in any order: the CLI keeps its own
        assertThat(docker("service", "inspect", copy, "--format", env).lines())
                .containsExactlyInAnyOrderElementsOf(docker("service", "inspect", original, "--format", env).lines().toList());
        String format = "{{.Spec.TaskTemplate.ContainerSpec.Image}} {{.Spec.Mode.Replicated.Replicas}} {{.Spec.Labels}} {{.Spec.TaskTemplate.ContainerSpec.StopGracePeriod}}";
        assertThat(docker("service", "inspect", copy, "--format", format)).isEqualTo(docker("service", "inspect", original, "--format", format));

        assertThat(operator.call("DELETE", "/api/swarm/templates/" + template, null).status()).isEqualTo(200);
        assertThat(Api.get("/api/swarm/templates/" + template).status()).isEqualTo(404);
        assertThat(docker("service", "ls", "--filter", "name=" + copy, "--format", "{{.Name}}")).as("its services stay").isEqualTo(copy);
    }
}
