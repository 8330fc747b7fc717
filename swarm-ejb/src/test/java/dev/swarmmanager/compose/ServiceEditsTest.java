package dev.swarmmanager.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmmanager.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An edit changes what its keys stand for and keeps everything else of the spec, the stack's own labels included. */
class ServiceEditsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> warnings = new ArrayList<>();

    private static JsonNode spec(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private JsonNode edit(JsonNode current, String changes) {
        return ServiceEdits.apply(current, ComposeLoader.loadService("changes", changes, Map.of(), warnings), warnings);
    }

    @Test
    void aStackServiceKeepsItsStackLabelsWhenItsLabelsAreReplaced() throws Exception {
        JsonNode current = spec("{'Name':'ocr_web','Labels':{'com.docker.stack.namespace':'ocr','com.docker.stack.image':'web:1','tier':'a'},"
                + "'TaskTemplate':{'ContainerSpec':{'Image':'web:1','Labels':{'com.docker.stack.namespace':'ocr','x':'y'},'Unknown':7}},"
                + "'Mode':{'Replicated':{'Replicas':4}}}");

        JsonNode next = edit(current, "labels: {team: ocr}\ndeploy: {labels: {tier: b}}");

        assertThat(next.path("Labels").toString()).isEqualTo("{\"tier\":\"b\",\"com.docker.stack.namespace\":\"ocr\",\"com.docker.stack.image\":\"web:1\"}");
        assertThat(next.at("/TaskTemplate/ContainerSpec/Labels").toString()).isEqualTo("{\"team\":\"ocr\",\"com.docker.stack.namespace\":\"ocr\"}");
        assertThat(next.at("/TaskTemplate/ContainerSpec/Unknown").asInt()).as("a field no one models").isEqualTo(7);
        assertThat(next.at("/Mode/Replicated/Replicas").asInt()).as("replicas not named, kept").isEqualTo(4);
    }

    @Test
    void tmpfsAloneReplacesTheTmpfsMountsAndKeepsTheVolumes() throws Exception {
        JsonNode current = spec("{'Name':'web','TaskTemplate':{'ContainerSpec':{'Image':'web:1','Mounts':["
                + "{'Type':'volume','Source':'data','Target':'/d'},{'Type':'tmpfs','Target':'/a'}]}}}");

        JsonNode next = edit(current, "tmpfs: [/b]");

        assertThat(next.at("/TaskTemplate/ContainerSpec/Mounts").toString())
                .isEqualTo("[{\"Type\":\"volume\",\"Source\":\"data\",\"Target\":\"/d\"},{\"Type\":\"tmpfs\",\"Target\":\"/b\"}]");
    }

    @Test
    void replicasAloneNeverChangeTheModeAndNullRemovesASetting() throws Exception {
        JsonNode global = spec("{'Name':'agent','TaskTemplate':{'ContainerSpec':{'Image':'a:1','Healthcheck':{'Test':['NONE']}}},'Mode':{'Global':{}}}");
        assertThatThrownBy(() -> edit(global, "deploy: {replicas: 3}")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("cannot be set for a global service");
        JsonNode next = edit(global, "healthcheck: null\nuser: nobody");
        assertThat(next.at("/TaskTemplate/ContainerSpec").has("Healthcheck")).isFalse();
        assertThat(next.at("/TaskTemplate/ContainerSpec/User").asText()).isEqualTo("nobody");
        assertThat(next.path("Mode").has("Global")).isTrue();
    }

    @Test
    void anEditNamesSomething() throws Exception {
        JsonNode current = spec("{'Name':'web','TaskTemplate':{'ContainerSpec':{'Image':'web:1'}}}");
        assertThatThrownBy(() -> edit(current, "{}")).hasMessageContaining("must name at least one Compose service key");
        assertThatThrownBy(() -> edit(current, "imagee: x")).hasMessage("in changes, imagee is not a Compose service key");
    }
}
