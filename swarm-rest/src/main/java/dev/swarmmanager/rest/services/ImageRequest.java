package dev.swarmmanager.rest.services;

import jakarta.validation.constraints.NotNull;

/** {@code {"image": "ocr-worker:2.0"}} */
public record ImageRequest(@NotNull(message = "{required.example}|\"ocr-worker:2.0\"") String image) {

    static final String EXAMPLE = "{\"image\": \"ocr-worker:2.0\"}";
}
