package dev.swarmmanager.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The API lives at {@code /api/swarm}: the WAR's context root is {@code /api}. */
@ApplicationPath("swarm")
public class SwarmApi extends Application {

    /**
     * Jersey buffers a response to compute its length, so a streamed one (a log follow) would reach the client
     * only when it ends; with no buffer every flush goes out at once. Jersey's own property name, kept as a string
     * so that the API module does not compile against Jersey.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.contentLength.buffer", 0);
    }
}
