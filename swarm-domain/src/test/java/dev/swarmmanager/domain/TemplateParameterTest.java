package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateParameterTest {

    @Test
    void theVariablesOfATemplateAreItsParametersWithTheirDefaults() {
        String text = "image: ocr-worker:${TAG:-1.0}\nenvironment: [\"QUEUE=$QUEUE\", \"COST=$$5\", \"KEY=${KEY:?the API key}\"]\n"
                + "deploy: {replicas: ${REPLICAS-2}}\nlabels: {tag: \"${TAG}\"}\n";
        assertThat(TemplateParameter.of(text)).containsExactly(
                new TemplateParameter("TAG", "1.0", false),
                new TemplateParameter("QUEUE", null, false),
                new TemplateParameter("KEY", null, true),
                new TemplateParameter("REPLICAS", "2", false));
    }
}
