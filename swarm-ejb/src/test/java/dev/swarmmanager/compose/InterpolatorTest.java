package dev.swarmmanager.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {

    private final List<String> warnings = new ArrayList<>();
    private final Interpolator interpolator = new Interpolator(Map.of("TAG", "2.0", "EMPTY", ""), warnings);

    private String expand(String text) {
        return interpolator.interpolate(text, "services.app.image");
    }

    @Test
    void variablesAndDefaults() {
        assertThat(expand("ocr-worker:${TAG}")).isEqualTo("ocr-worker:2.0");
        assertThat(expand("ocr-worker:$TAG")).isEqualTo("ocr-worker:2.0");
        assertThat(expand("${MISSING:-1.0}")).isEqualTo("1.0");
        assertThat(expand("${EMPTY:-fallback}")).isEqualTo("fallback");
        assertThat(expand("${EMPTY-fallback}")).isEmpty();
        assertThat(expand("${MISSING-x${TAG}}")).isEqualTo("x2.0");
        assertThat(expand("cost $$5")).isEqualTo("cost $5");
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnsetPlainVariableBecomesEmptyWithAWarning() {
        assertThat(expand("a${NOPE}b")).isEqualTo("ab");
        assertThat(warnings).containsExactly("variable NOPE is not set (used in services.app.image): an empty string was substituted");
    }

    @Test
    void aMissingRequiredVariableIsAnError() {
        assertThatThrownBy(() -> expand("${NOPE:?the tag to deploy}"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("in stack_file, services.app.image needs variable NOPE, which is not set: the tag to deploy");
        assertThatThrownBy(() -> expand("${EMPTY:?}")).hasMessageContaining("which is empty");
        assertThat(expand("${EMPTY?must be set}")).isEmpty();
    }

    @Test
    void aDefaultIsKeptAsWrittenExceptForNestedReferences() {
        assertThat(expand("${HASH:-$2b$10$N9qo8uLOickgx2ZMRZoMye}")).as("a bcrypt hash").isEqualTo("$2b$10$N9qo8uLOickgx2ZMRZoMye");
        assertThat(expand("${MISSING:-$$TAG and $TAG}")).isEqualTo("$$TAG and $TAG");
        assertThat(expand("${MISSING:-${TAG}}")).as("nested, as Compose allows").isEqualTo("2.0");
        assertThat(expand("${MISSING:-${ALSO_MISSING:-v$1}}")).isEqualTo("v$1");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aMalformedReferenceIsAnError() {
        assertThatThrownBy(() -> expand("${not closed")).isInstanceOf(InvalidRequestException.class);
    }
}
