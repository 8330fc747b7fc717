package dev.swarmmanager.rest.json;

/** The answer to a successful removal: what is gone. */
public record Removed(String kind, String reference) {
}
