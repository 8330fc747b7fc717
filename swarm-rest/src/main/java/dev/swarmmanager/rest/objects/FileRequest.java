package dev.swarmmanager.rest.objects;

import java.util.Map;

/**
 * {@code {"name": "db_password", "data": "correct horse", "labels": {}}}: a secret or config to create ({@code name}
 * required then), or the next content of one to rotate ({@code name} left out). {@code data_base64} instead of
 * {@code data} for content that is not text.
 */
public record FileRequest(String name, String data, String dataBase64, Map<String, String> labels) {

    static final String EXAMPLE = "{\"name\": \"db_password\", \"data\": \"correct horse battery staple\"}";
}
