package dev.swarmmanager.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"ocr-worker:2.0", "busybox", "library/busybox:1.36", "registry.example.com:5000/team/ocr-worker:2.0",
            "ocr_worker", "localhost/ocr@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void validReferencesPass(String image) {
        assertThat(ImageReference.validate(" " + image + " ")).isEqualTo(image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Ocr-Worker", "ocr worker", "ocr:", "ocr:tag;rm -rf /", "-ocr", "ocr//worker", "ocr@sha256:xyz"})
    void invalidReferencesAreRejected(String image) {
        assertThatThrownBy(() -> ImageReference.validate(image))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("image ");
    }
}
