package dev.swarmmanager.rest.cluster;

import jakarta.validation.constraints.NotNull;

/** {@code {"advertise_addr": "192.168.1.10"}} */
public record InitRequest(@NotNull(message = "{required.example}|\"192.168.1.10\"") String advertiseAddr) {

    static final String EXAMPLE = "{\"advertise_addr\": \"192.168.1.10\"}";
}
