package dev.swarmmanager.docker;

import dev.swarmmanager.domain.Causes;
import com.github.dockerjava.api.exception.DockerException;
import dev.swarmmanager.domain.ConcurrentUpdateException;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.InvalidRequestException;
import dev.swarmmanager.domain.OperationConflictException;
import dev.swarmmanager.domain.Phrase;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.domain.SwarmException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Engine calls and turns Docker's failures into the domain's few exceptions, so that every caller
 * sees the same reaction to the same failure: 404 is "not found", Swarm's FailedPrecondition is a conflict,
 * a refused connection is "Docker unavailable" naming the configured host.
 */
@ApplicationScoped
public class DockerCalls {

    private static final Logger LOG = Logger.getLogger(DockerCalls.class.getName());

    // Possessive: a long message (one that echoes a long reference) must not recurse once per character.
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    /**
     * What a name, ID or ID prefix of a Docker object can be (Docker's own rule for names, hostnames included): checked
     * before any Engine call, so odd input is a plain "not found" and never reaches a URL template or an error parser.
     */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,252}");
    private static final Pattern GRPC = Pattern.compile("rpc error: code = (\\w+) desc = (.*)", Pattern.DOTALL);

    @Inject
    DockerSettings settings;

    public <T> T call(Supplier<T> call) {
        return call(null, null, call);
    }

    /**
     * @param kind what {@code reference} names ("service", "node"), so that a 404 says which thing is missing
     */
    public <T> T call(String kind, String reference, Supplier<T> call) {
        checkReference(kind, reference);
        try {
            return call.get();
        } catch (SwarmException e) {
            throw e;
        } catch (DockerException e) {
            throw fromEngine(e.getHttpStatus(), engineMessage(e.getMessage()), kind, reference, e);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public void run(String kind, String reference, Runnable call) {
        call(kind, reference, () -> {
            call.run();
            return null;
        });
    }

    /**
     * A reference that cannot name anything in Docker is not found, and its text is not echoed (it may be kilobytes).
     *
     * @throws ResourceNotFoundException for an empty, overlong or oddly spelled reference
     */
    public static void checkReference(String kind, String reference) {
        if (kind != null && (reference == null || !REFERENCE.matcher(reference).matches())) {
            throw new ResourceNotFoundException(kind, reference == null ? "" : reference);
        }
    }

    /** The Engine answered {@code status} with {@code message}. */
    public SwarmException fromEngine(int status, String message, String kind, String reference, Throwable cause) {
        String text = message == null || message.isBlank() ? "HTTP " + status : message.trim();
        if (text.contains("Client sent an HTTP request to an HTTPS server")) {
            // The Go server's own answer when plain HTTP reaches its TLS port: the configuration, not the request.
            return new DockerUnavailableException(host(), Phrase.of("docker.speaks-tls"), cause);
        }
        if (text.contains("update out of sequence")) {
            return new ConcurrentUpdateException(Phrase.of("docker.out-of-sequence", text), cause);
        }
        Matcher grpc = GRPC.matcher(text);
        String code = grpc.find() ? grpc.group(1) : "";
        String reason = code.isEmpty() ? text : grpc.group(2).trim();
        if (status == 404 || code.equals("NotFound")) {
            return kind != null ? new ResourceNotFoundException(kind, reference)
                    : new ResourceNotFoundException("object", reason); // the Engine's words, which name the kind
        }
        if (code.equals("Unavailable") || code.equals("DeadlineExceeded") || text.startsWith("connection error:")
                || text.contains("transport: Error while dialing") || text.contains("Manager is being prepared")
                || text.contains("does not have a leader")) {
            // The Engine is up but cannot reach its own Swarm components (a manager stopping or starting, a Raft
            // election under way): an outage to retry, not a state of the cluster that forbids the operation.
            return new DockerUnavailableException(host(), Phrase.of("docker.no-swarm-now", reason), cause);
        }
        if (text.startsWith("This node is not a swarm manager") && !text.contains("Worker nodes can't be used")) {
            // As the Engine itself classes it (503): no Swarm to manage at this host now. A restarted manager says so
            // until its Swarm component has started (in words that cannot be told from "never joined": its own /info
            // says "inactive" then too); the mirror recovers when it does. A worker says so in words of its own: that
            // is the configuration, not an outage (a conflict, below).
            return new DockerUnavailableException(host(), Phrase.of("docker.no-manager-now", reason), cause);
        }
        if (status == 400 || code.equals("InvalidArgument")) {
            return new InvalidRequestException(null, Phrase.of("docker.says", reason));
        }
        if (status == 409 || status == 406 || status == 503
                || code.equals("FailedPrecondition") || code.equals("AlreadyExists")) {
            // The Engine answers 503 for "already part of a swarm" as well: Docker is up, the cluster is just in a
            // state that forbids the operation.
            return new OperationConflictException(Phrase.of("docker.says", reason), cause);
        }
        return new DockerUnavailableException(host(), Phrase.of("docker.failed", status, reason), cause);
    }

    /** A failure before the Engine answered: refused, timed out, socket gone. */
    public DockerUnavailableException unavailable(Throwable failure) {
        String host = host();
        Failure said = Failure.of(host, EngineTarget.current().isPresent(), overTls(), failure);
        return new DockerUnavailableException(host, said.reason(), failure);
    }

    /**
     * Why the Engine at a host could not be reached, in the words an operator acts on.
     *
     * @param reason  what to tell the user
     * @param tls     whether the TLS layer refused (the certificates, not an outage)
     */
    public record Failure(Phrase reason, boolean tls) {

        /**
         * @param registered whether the host is a registered cluster's (whose certificates were given through the API),
         *                   rather than the server's own ({@code swarm.docker.cert-path})
         * @param overTls    whether the host is reached over TLS
         */
        public static Failure of(String host, boolean registered, boolean overTls, Throwable failure) {
            Throwable root = Causes.root(failure);
            String said = root.getMessage() == null ? root.getClass().getSimpleName()
                    : root.getClass().getSimpleName() + ": " + root.getMessage();
            var tls = Causes.find(failure, javax.net.ssl.SSLException.class);
            if (tls.isPresent()) {
                // A handshake refused either way (the Engine does not trust our certificate, or we do not trust its).
                // Every caller reads this reason, and the TLS layer's own words can name the Engine's address ("no subject
                // alternative names matching IP address ..."): they go to the log, the reason says what to check.
                LOG.log(Level.WARNING, "TLS with the Engine at " + host + " failed", failure);
                String kind = tls.get().getClass().getSimpleName();
                return new Failure(registered ? Phrase.of("clusters.tls-refused", host, kind) : Phrase.of("docker.tls-handshake", kind), true);
            }
            if (overTls && root instanceof java.net.SocketException && !(root instanceof java.net.ConnectException)
                    && !(root instanceof java.net.NoRouteToHostException)) {
                // With TLS 1.3 the client's side of the handshake is over before the Engine has checked our certificate:
                // an Engine that does not trust it just closes the connection, and we see a broken pipe or a reset.
                LOG.log(Level.WARNING, "the Engine at " + host + " closed the TLS connection", failure);
                return new Failure(registered ? Phrase.of("clusters.tls-closed", host, said) : Phrase.of("docker.tls-closed", said), true);
            }
            return new Failure(Phrase.of("docker.says", said), false);
        }
    }

    /** The Docker host this thread's calls reach: the targeted cluster's, or the server's own. */
    private String host() {
        return EngineTarget.current().map(EngineTarget::host).orElseGet(settings::host);
    }

    private boolean overTls() {
        return EngineTarget.current().map(t -> t.host().startsWith("tcp://")).orElseGet(settings::tlsVerify);
    }

    /** docker-java puts the Engine's JSON body in the message: keep only its {@code message} field. */
    static String engineMessage(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = JSON_MESSAGE.matcher(raw);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\") : raw;
    }
}
