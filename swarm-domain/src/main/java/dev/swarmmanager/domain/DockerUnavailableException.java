package dev.swarmmanager.domain;

/**
 * The Docker Engine could not be reached or did not answer: nothing is known to have changed. The message says
 * why but not where: the Docker host is for admins only ({@link #messageWithHost()}).
 */
public class DockerUnavailableException extends SwarmException {

    private final String dockerHost;
    private final String reason;

    public DockerUnavailableException(String dockerHost, String reason, Throwable cause) {
        super("Docker is unavailable: " + reason, cause);
        this.dockerHost = dockerHost;
        this.reason = reason;
    }

    public String dockerHost() {
        return dockerHost;
    }

    /** The message with the configured Docker host, for admins and the server log. */
    public String messageWithHost() {
        return "Docker is unavailable at " + dockerHost + ": " + reason;
    }
}
