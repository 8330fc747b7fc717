package dev.swarmmanager.rest.json;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last answer of a frequently read endpoint, kept as JSON bytes while its data stays the same. The mirror
 * hands out the same immutable objects until the cluster changes, so a dashboard or a scraper polling the list of
 * a thousand services costs a comparison (the same list is the same object) instead of a serialisation each time.
 */
@ApplicationScoped
public class RenderedAnswers {

    private static final Jsonb JSON = JsonMapping.create();

    private record Rendered(Object data, byte[] json) {
    }

    private final Map<String, Rendered> last = new ConcurrentHashMap<>();

    /**
     * {@code data} in the {@link Envelope}, as JSON (UTF-8). The bytes are shared: never change them.
     *
     * @param endpoint one slot per endpoint: the answer it gave last
     */
    public byte[] envelope(String endpoint, Object data) {
        Rendered known = last.get(endpoint);
        byte[] json;
        if (known != null && known.data().equals(data)) {
            json = known.json();
        } else {
            json = JSON.toJson(Envelope.of(data)).getBytes(StandardCharsets.UTF_8);
            last.put(endpoint, new Rendered(data, json));
        }
        return json;
    }
}
