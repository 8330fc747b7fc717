package dev.swarmmanager.domain;

/** The Docker Engine could not be reached or did not answer: nothing is known to have changed. */
public class DockerUnavailableException extends SwarmException {

    private final String dockerHost;

    public DockerUnavailableException(String dockerHost, String reason, Throwable cause) {
        super("Docker is unavailable at " + dockerHost + ": " + reason, cause);
        this.dockerHost = dockerHost;
    }

    public String dockerHost() {
        return dockerHost;
    }
}
