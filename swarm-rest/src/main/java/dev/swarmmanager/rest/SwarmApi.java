package dev.swarmmanager.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API lives at {@code /api/swarm}: the WAR's context root is {@code /api}. */
@ApplicationPath("swarm")
public class SwarmApi extends Application {
}
