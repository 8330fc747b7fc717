package dev.swarmmanager.tasks.boundary;

import dev.swarmmanager.domain.Causes;
import dev.swarmmanager.docker.EngineApi;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.domain.DockerUnavailableException;
import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.domain.ResourceNotFoundException;
import dev.swarmmanager.tasks.control.LogCollector;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client following a service's logs. A reader thread follows the Engine's log stream into a bounded queue
 * (when the client reads slowly the reader waits, and the Engine with it: nothing is dropped, nothing piles up);
 * the client's own thread takes lines from the queue and hands them to its {@link Sink}, or tells it the stream is
 * idle every few seconds. Writing to a client that has left fails, and that ends the follow: the Engine stream is
 * closed, the reader thread ends, and nothing is left behind. A follow also ends after {@code maxDuration}, or when
 * the service goes away.
 *
 * <p>The Engine stream is re-opened from the last line's time when it stalls past the client's read timeout or
 * Docker restarts, so a long follow survives both; lines already sent are not sent again.
 */
public final class LogFollow {

    /** Where the lines go: an SSE connection, for instance. Throwing {@link IOException} means the client left. */
    public interface Sink {
        void line(LogLine line) throws IOException;

        /** Nothing new for a while: a keep-alive, which is also how a client that left is noticed. */
        void idle() throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(LogFollow.class.getName());
    static final int QUEUE = 1000;
    static final long IDLE_SECONDS = 5;

    private final EngineApi engine;
    private final String serviceId;
    private final String serviceName;
    private final int tail;
    private final Instant since;
    private final Duration maxDuration;
    private final ExecutorService executor;
    private final BooleanSupplier serviceExists;
    private final Runnable onEnd;
    /** The registered cluster the follow was asked on (null: the default): its threads keep reaching that Engine. */
    private final EngineTarget target;

    private final BlockingQueue<LogLine> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicReference<EngineApi.OpenStream> engineStream = new AtomicReference<>();
    private volatile boolean stopped;
    private volatile boolean serviceGone;

    /**
     * @param since follow the lines written after this time (a client resuming), or null for the newest
     *              {@code tail} lines first
     * @param serviceExists asked each time no line came for a while: whether the service is still there. The Engine keeps
     *                      the follow of a removed service open, silent, so without it the follow would hold its place
     *                      until {@code maxDuration}. Should cost no Engine call while the service is there.
     * @param onEnd runs once when the follow is over, the reader thread included
     */
    public LogFollow(EngineApi engine, String serviceId, String serviceName, int tail, Instant since,
                     Duration maxDuration, ExecutorService executor, BooleanSupplier serviceExists, Runnable onEnd) {
        this.engine = engine;
        this.serviceId = serviceId;
        this.serviceName = serviceName;
        this.tail = tail;
        this.since = since;
        this.maxDuration = maxDuration;
        this.executor = executor;
        this.serviceExists = serviceExists;
        this.onEnd = onEnd;
        this.target = EngineTarget.current().orElse(null);
    }

    /** A follow that will not run after all (no thread could be found to write it): gives its place back. */
    public void abandon() {
        onEnd.run();
    }

    /** Follows until the client leaves, the time is up or the service is removed; on the caller's thread. */
    public void run(Sink sink) {
        Future<?> reader = null;
        try (EngineTarget.Scope ignored = target == null ? () -> { } : target.enter()) {
            reader = executor.submit(EngineTarget.carry(this::read));
            long deadline = System.nanoTime() + maxDuration.toNanos();
            while (System.nanoTime() < deadline) {
                LogLine line = queue.poll(IDLE_SECONDS, TimeUnit.SECONDS);
                if (line != null) {
                    sink.line(line);
                } else if ((serviceGone || !serviceExists.getAsBoolean()) && queue.isEmpty()) {
                    break;
                } else {
                    sink.idle();
                }
            }
        } catch (IOException clientLeft) {
            LOG.fine(() -> "log follow of " + serviceName + ": the client left");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop(reader);
            onEnd.run();
        }
    }

    private void stop(Future<?> reader) {
        stopped = true;
        closeEngineStream();
        if (reader != null) {
            reader.cancel(true);
            try {
                reader.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.CancellationException | java.util.concurrent.ExecutionException done) {
                // ended, as it should
            } catch (TimeoutException e) {
                LOG.warning(() -> "log follow of " + serviceName + ": the reader did not end within 5 s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The reader thread: the Engine's follow stream into the queue, re-opened when it stalls or drops. */
    private void read() {
        Instant last = since;
        while (!stopped) {
            try (EngineApi.OpenStream stream = engine.open(path(last), "service", serviceName)) {
                engineStream.set(stream);
                if (stopped) {
                    return;
                }
                LogCollector.readFrames(stream.body(), (kind, payload) -> {
                    for (LogLine line : LogCollector.lines(kind, payload)) {
                        offer(line);
                    }
                });
                serviceGone = true; // the Engine ended the stream: nothing more will come on it
                return;
            } catch (dev.swarmmanager.domain.ResourceNotFoundException e) {
                serviceGone = true;
                return;
            } catch (DockerUnavailableException | IOException e) {
                if (stopped) {
                    return;
                }
                LOG.log(Level.FINE, "log follow of " + serviceName + ": re-opening after " + e);
                if (!timedOut(e) && !pause(2000)) {
                    return;
                }
            } catch (StopReading interrupted) {
                return;
            } finally {
                engineStream.set(null);
            }
            last = newestSeen != null ? newestSeen : last;
        }
    }

    /** The newest line's time the reader has queued, and the messages queued at that time (read by it alone). */
    private Instant newestSeen;
    private final Set<String> sentAtNewest = new HashSet<>();

    /**
     * Queues a line unless the client has it already (it is not after the resume point, or it was sent before the
     * stream was re-opened); waits while the queue is full.
     */
    private void offer(LogLine line) {
        Instant time = line.timestamp();
        if (time != null && since != null && !time.isAfter(since)) {
            return;
        }
        if (time != null && newestSeen != null) {
            if (time.isBefore(newestSeen) || (time.equals(newestSeen) && sentAtNewest.contains(line.message()))) {
                return;
            }
        }
        if (time != null) {
            if (!time.equals(newestSeen)) {
                sentAtNewest.clear();
                newestSeen = time;
            }
            sentAtNewest.add(line.message());
        }
        try {
            while (!queue.offer(line, 1, TimeUnit.SECONDS)) {
                if (stopped) {
                    throw new StopReading();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StopReading();
        }
    }

    private String path(Instant from) {
        String base = "/services/" + EngineApi.segment(serviceId) + "/logs?follow=1&stdout=1&stderr=1&timestamps=1&details=1";
        // since is inclusive and in whole seconds or fractions: the lines of that instant come again and are skipped
        return from == null ? base + "&tail=" + tail : base + "&since=" + from.getEpochSecond() + "." + String.format("%09d", from.getNano());
    }

    private static boolean timedOut(Throwable e) {
        // A SocketTimeoutException is an InterruptedIOException.
        return Causes.find(e, InterruptedIOException.class).isPresent();
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Drops the Engine connection, which also wakes the reader if it is blocked reading. */
    private void closeEngineStream() {
        EngineApi.OpenStream stream = engineStream.getAndSet(null);
        if (stream != null) {
            stream.close();
        }
    }

    /** The reader was told to stop while it waited for room in the queue. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }
}
