package dev.swarmmanager.domain;

import java.util.Locale;

/**
 * The Docker Engine could not be reached or did not answer: nothing is known to have changed. The message says
 * why but not where: the Docker host is for admins only ({@link #messageWithHost(Locale)}).
 */
public class DockerUnavailableException extends SwarmException {

    private final String dockerHost;
    private final Phrase reason;

    public DockerUnavailableException(String dockerHost, Phrase reason, Throwable cause) {
        super(Phrase.of("docker.unavailable", reason), cause);
        this.dockerHost = dockerHost;
        this.reason = reason;
    }

    public String dockerHost() {
        return dockerHost;
    }

    /** The message with the configured Docker host, in English, for the server log. */
    public String messageWithHost() {
        return messageWithHost(Locale.ROOT);
    }

    /** The message with the configured Docker host, for admins. */
    public String messageWithHost(Locale language) {
        return Phrase.of("docker.unavailable-at", dockerHost, reason).in(language);
    }
}
