package dev.swarmmanager.rest.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedAnswersTest {

    private final RenderedAnswers answers = new RenderedAnswers();

    private static String body(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    public record Item(String name, int replicas) {
    }

    @Test
    void anAnswerIsTheEnvelopeOfTheDataAndChangesWhenTheDataDoes() {
        assertThat(body(answers.envelope("services", List.of(new Item("ocr", 2)))))
                .isEqualTo("{\"success\":true,\"data\":[{\"name\":\"ocr\",\"replicas\":2}],\"count\":1}");
        assertThat(body(answers.envelope("services", List.of(new Item("ocr", 3)))))
                .as("a changed list is never answered from the last rendering").contains("\"replicas\":3");
        assertThat(body(answers.envelope("services", List.of())))
                .isEqualTo("{\"success\":true,\"data\":[],\"count\":0}");
    }

    @Test
    void theSameDataIsRenderedOnceAndEndpointsKeepTheirOwnAnswers() {
        List<Item> list = List.of(new Item("ocr", 2));
        byte[] first = answers.envelope("services", list);
        assertThat(answers.envelope("services", list)).isSameAs(first);
        assertThat(answers.envelope("services", List.of(new Item("ocr", 2)))).as("equal data").isSameAs(first);
        assertThat(body(answers.envelope("health", new Item("health", 1)))).contains("\"name\":\"health\"");
        assertThat(answers.envelope("services", list)).isSameAs(first);
    }
}
