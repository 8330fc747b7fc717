package dev.swarmmanager.domain;

/** Which output stream of a container a log line came from. */
public enum LogStream {
    STDOUT, STDERR;

    @Override
    public String toString() {
        return WireName.of(this);
    }
}
