package dev.swarmmanager.rest.services;

/** {@code {"image": "ocr-worker:2.0"}} */
public record ImageRequest(String image) {
}
