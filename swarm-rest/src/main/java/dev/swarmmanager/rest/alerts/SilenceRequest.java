package dev.swarmmanager.rest.alerts;

/** How long a rule stays silent. */
public record SilenceRequest(Long seconds) {

    static final String EXAMPLE = "{\"seconds\": 3600}";
}
