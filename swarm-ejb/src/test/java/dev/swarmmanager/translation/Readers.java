package dev.swarmmanager.translation;

import com.github.dockerjava.api.DockerClient;
import dev.swarmmanager.docker.DockerAccess;
import dev.swarmmanager.rules.DefaultPolicy;

/** The cluster reader over a fake client and a scripted Engine, with the default deployment policy. */
public final class Readers {

    private Readers() {
    }

    public static ClusterReader over(DockerClient docker, DockerAccess access) {
        ClusterReader reader = new ClusterReader();
        reader.docker = docker;
        reader.calls = access.calls();
        reader.engine = access.api();
        reader.policy = DefaultPolicy.configuration();
        return reader;
    }
}
