package dev.swarmmanager.events.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swarmmanager.docker.EngineApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** The Engine's {@code /events} stream of services, nodes and containers, one JSON object a line. */
@ApplicationScoped
public class EngineEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILTER = URLEncoder.encode("{\"type\":[\"service\",\"node\",\"container\"]}",
            StandardCharsets.UTF_8);

    @Inject
    EngineApi engine;

    /**
     * Follows the stream from {@code sinceNanos} until it goes idle for the Engine call timeout (then the
     * caller reconnects from the last event it saw, losing nothing) or breaks (a Docker failure).
     *
     * @param sinceNanos Unix time in nanoseconds of the last event already handled
     */
    public void follow(long sinceNanos, Consumer<JsonNode> handler) {
        String since = (sinceNanos / 1_000_000_000L) + "." + String.format("%09d", sinceNanos % 1_000_000_000L);
        engine.stream("/events?since=" + since + "&filters=" + FILTER, null, null, body -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        handler.accept(JSON.readTree(line));
                    }
                }
            } catch (SocketTimeoutException idle) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }
}
