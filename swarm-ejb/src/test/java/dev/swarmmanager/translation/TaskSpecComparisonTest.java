package dev.swarmmanager.translation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Service;
import com.github.dockerjava.api.model.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A task's spec against its service's template, as the Engine shows them (captured from the lab's Engine). */
class TaskSpecComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    // docker service create ocr-worker:1.0: the service's template with the Engine's defaults, its task without them.
    private static final String TEMPLATE = "{\"ContainerSpec\":{\"DNSConfig\":{},\"Image\":\"ocr-worker:1.0\",\"Init\":false,"
            + "\"Isolation\":\"default\",\"StopGracePeriod\":10000000000%s},\"ForceUpdate\":0,\"Placement\":{},"
            + "\"Resources\":{\"Limits\":{},\"Reservations\":{}},\"RestartPolicy\":{\"Condition\":\"any\",\"Delay\":5000000000,"
            + "\"MaxAttempts\":0},\"Runtime\":\"container\"}";
    private static final String TASK_SPEC = "{\"ContainerSpec\":{\"DNSConfig\":{},\"Image\":\"ocr-worker:1.0\",\"Init\":false,"
            + "\"Isolation\":\"default\"%s},\"ForceUpdate\":0,\"Placement\":{},\"Resources\":{\"Limits\":{},\"Reservations\":{}}}";

    private static JsonNode template(String extra) throws Exception {
        Service service = JSON.readValue("{\"ID\":\"s1\",\"Spec\":{\"Name\":\"ocr\",\"TaskTemplate\":" + TEMPLATE.formatted(extra) + "}}", Service.class);
        return TaskTranslator.templates(List.of(service)).get("s1");
    }

    private static Task task(String extra, String desired) throws Exception {
        return JSON.readValue("{\"ID\":\"t1\",\"ServiceID\":\"s1\",\"DesiredState\":\"" + desired + "\",\"Spec\":"
                + TASK_SPEC.formatted(extra) + "}", Task.class);
    }

    @Test
    void theEnginesDefaultsInTheTemplateAreNoDifference() throws Exception {
        assertThat(TaskTranslator.onServiceSpec(task("", "running"), template(""))).isTrue();
    }

    @Test
    void aChangedEnvironmentIsADifference() throws Exception {
        assertThat(TaskTranslator.onServiceSpec(task("", "running"), template(",\"Env\":[\"PAGES=2\"]"))).isFalse();
        assertThat(TaskTranslator.onServiceSpec(task(",\"Env\":[\"PAGES=1\"]", "running"), template(",\"Env\":[\"PAGES=2\"]"))).isFalse();
        assertThat(TaskTranslator.onServiceSpec(task(",\"Env\":[\"PAGES=2\"]", "running"), template(",\"Env\":[\"PAGES=2\"]"))).isTrue();
    }

    @Test
    void aChangedPlacementIsNoDifferenceSinceSwarmKeepsTasksWhoseNodeStillQualifies() throws Exception {
        String template = TEMPLATE.formatted("").replace("\"Placement\":{}", "\"Placement\":{\"Constraints\":[\"node.role==worker\"]}");
        Service service = JSON.readValue("{\"ID\":\"s1\",\"Spec\":{\"Name\":\"ocr\",\"TaskTemplate\":" + template + "}}", Service.class);
        assertThat(TaskTranslator.onServiceSpec(task("", "running"), TaskTranslator.templates(List.of(service)).get("s1"))).isTrue();
    }

    @Test
    void aDefaultSetExplicitlyLaterIsADifferenceOnlyWhenItDiffers() throws Exception {
        String onFailure = TEMPLATE.formatted("").replace("\"Condition\":\"any\"", "\"Condition\":\"on-failure\"");
        Service service = JSON.readValue("{\"ID\":\"s1\",\"Spec\":{\"Name\":\"ocr\",\"TaskTemplate\":" + onFailure + "}}", Service.class);
        assertThat(TaskTranslator.onServiceSpec(task("", "running"), TaskTranslator.templates(List.of(service)).get("s1"))).isFalse();
        assertThat(TaskTranslator.onServiceSpec(task(",\"StopGracePeriod\":10000000000", "running"), template(""))).isTrue();
    }

    @Test
    void aTaskNotMeantToRunIsNotJudged() throws Exception {
        assertThat(TaskTranslator.onServiceSpec(task("", "shutdown"), template(""))).isNull();
        assertThat(TaskTranslator.onServiceSpec(task("", "running"), null)).isNull();
    }
}
