package dev.swarmmanager.docker;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The Engine transport, counting every call by method and path shape ({@code GET /tasks},
 * {@code POST /services/{id}/update}). The counts prove that a list or a refresh costs a constant number of
 * Engine calls however large the cluster is, and they are what an operator graphs.
 */
public class MeteredHttpClient implements DockerHttpClient {

    private static final Pattern ID_SEGMENT = Pattern.compile("^/(services|nodes|tasks|containers|networks|secrets|configs)/[^/?]+");
    private static final Pattern VERSION_PREFIX = Pattern.compile("^/v\\d+\\.\\d+");

    private final DockerHttpClient delegate;
    private final java.util.function.Consumer<EngineCall> listener;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder errors = new LongAdder();

    public MeteredHttpClient(DockerHttpClient delegate) {
        this(delegate, call -> { });
    }

    /** @param listener told of every call when it ends (a stream's call ends when its headers arrive) */
    public MeteredHttpClient(DockerHttpClient delegate, java.util.function.Consumer<EngineCall> listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public Response execute(Request request) {
        String endpoint = request.method() + " " + shape(request.path());
        String cluster = EngineTarget.clusterName(); // the transport under this one routes by the same target
        // The counts here are the default cluster's (what the benchmarks read); the events carry every cluster's.
        boolean home = EngineTarget.current().isEmpty();
        if (home) {
            calls.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
        }
        long start = System.nanoTime();
        try {
            Response response = delegate.execute(request);
            listener.accept(new EngineCall(cluster, endpoint, System.nanoTime() - start, false));
            return response;
        } catch (RuntimeException e) {
            if (home) {
                errors.increment();
            }
            listener.accept(new EngineCall(cluster, endpoint, System.nanoTime() - start, true));
            throw e;
        }
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Calls that failed before the Engine answered (connection refused, timeout, broken socket). */
    public long transportErrors() {
        return errors.sum();
    }

    static String shape(String path) {
        String p = VERSION_PREFIX.matcher(path).replaceFirst("");
        int query = p.indexOf('?');
        if (query >= 0) {
            p = p.substring(0, query);
        }
        return ID_SEGMENT.matcher(p).replaceFirst("/$1/{id}");
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
