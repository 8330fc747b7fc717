package dev.swarmmanager.services.control;

import dev.swarmmanager.docker.DockerAccess;

/** The service-spec read-modify-write over a scripted Engine. */
public final class Specs {

    private Specs() {
    }

    public static ServiceSpecs over(DockerAccess access) {
        ServiceSpecs specs = new ServiceSpecs();
        specs.engine = access.api();
        return specs;
    }
}
