package dev.swarmmanager.secrets.control;

import dev.swarmmanager.docker.DockerAccess;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.time.Duration;

/** What a rotation of a secret or config works with, over a scripted Engine and a scheduler the test runs. */
public final class Rotations {

    private Rotations() {
    }

    public static FileReferences references(DockerAccess access) {
        FileReferences references = new FileReferences();
        references.objects = access.objects();
        return references;
    }

    /** With the default settle timeout ({@code swarm.rotation.settle-timeout}, ten minutes). */
    public static OldVersions oldVersions(DockerAccess access, FileReferences references, ManagedScheduledExecutorService scheduler) {
        OldVersions oldVersions = new OldVersions();
        oldVersions.objects = access.objects();
        oldVersions.references = references;
        oldVersions.scheduler = scheduler;
        oldVersions.settleTimeout = Duration.ofMinutes(10);
        return oldVersions;
    }
}
