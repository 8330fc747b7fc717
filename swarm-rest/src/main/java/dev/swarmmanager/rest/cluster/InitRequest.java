package dev.swarmmanager.rest.cluster;

/** {@code {"advertise_addr": "192.168.1.10"}} */
public record InitRequest(String advertiseAddr) {
}
