package dev.swarmmanager.tasks.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.LimitReachedException;
import dev.swarmmanager.domain.LogLine;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import dev.swarmmanager.tasks.control.LogFollows;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A live follow of a service's logs in the server, run as the edges run it: prepared by {@link Tasks#follow} for the
 * signed-in caller, written on a thread of the managed executor, its lines read from the lab's Engine as the worker
 * writes them (one a second).
 */
class LogFollowIT extends InContainer {

    @Inject
    Tasks tasks;

    @Inject
    LogFollows follows;

    @Resource
    ManagedExecutorService executor;

    private String name;

    @BeforeEach
    void createService() {
        name = Lab.uniqueName("it-follow");
        Lab.createWorkerService(name, 1);
    }

    @AfterEach
    void removeService() {
        Lab.removeServiceQuietly(name);
    }

    /** A client reading the stream; {@code leaveAfter} lines, it goes away (its next write fails). */
    private static final class Client implements LogFollow.Sink {
        final BlockingQueue<LogLine> lines = new LinkedBlockingQueue<>();
        final AtomicInteger idles = new AtomicInteger();
        final int leaveAfter;

        Client(int leaveAfter) {
            this.leaveAfter = leaveAfter;
        }

        @Override
        public void line(LogLine line) throws IOException {
            if (lines.size() >= leaveAfter) {
                throw new IOException("the client left");
            }
            lines.add(line);
        }

        @Override
        public void idle() {
            idles.incrementAndGet();
        }
    }

    @Test
    void theLinesTheWorkerWritesArriveAsTheyAreWrittenAndTheFollowEndsWhenTheServiceIsRemoved() throws Exception {
        int active = follows.active();
        LogFollow follow = tasks.follow(name, 0, null);
        assertThat(follows.active()).isEqualTo(active + 1);
        Client client = new Client(Integer.MAX_VALUE);
        Future<?> running = executor.submit(() -> follow.run(client));
        try {
            followsUntilRemoved(client, running);
        } finally {
            running.cancel(true); // a failed assertion leaves no follow behind for the next test
        }
        assertThat(follows.active()).as("its place given back").isEqualTo(active);
    }

    private void followsUntilRemoved(Client client, Future<?> running) throws Exception {
        LogLine first = client.lines.poll(30, TimeUnit.SECONDS);
        LogLine second = client.lines.poll(30, TimeUnit.SECONDS);
        assertThat(first).as("a line within 30 s").isNotNull();
        assertThat(second).as("a second line within 30 s").isNotNull();
        assertThat(first.message()).matches("ocr-worker \\S+ (starting on .*|processed page \\d+|queue empty after page \\d+)");
        assertThat(second.timestamp()).isAfterOrEqualTo(first.timestamp());
        assertThat(first.taskId()).isEqualTo(docker("service", "ps", "-q", "--no-trunc", "--filter", "desired-state=running", name));
        assertThat(docker("service", "logs", "--raw", name)).as("the docker CLI reads the same line").contains(first.message());

        docker("service", "rm", name);
        running.get(60, TimeUnit.SECONDS); // ends by itself: nothing more will come
    }

    @Test
    void aSilentServiceMadeBehindOurBackIsFollowedUntilItIsRemoved() throws Exception {
        String silent = Lab.uniqueName("it-silent");
        docker("service", "create", "--detach", "--quiet", "--name", silent, "ocr-worker:1.0", "sleep", "3600");
        try {
            int active = follows.active();
            Client client = new Client(Integer.MAX_VALUE);
            Future<?> running = executor.submit(() -> tasks.follow(silent, 0, null).run(client));
            try {
                Lab.sleep(12_000); // two keep-alives with no line, each asking whether the service is still there
                assertThat(running).as("a quiet service is not a gone one").isNotDone();
                assertThat(client.idles.get()).isGreaterThanOrEqualTo(2);
                assertThat(follows.active()).isEqualTo(active + 1);

                docker("service", "rm", silent);
                running.get(60, TimeUnit.SECONDS);
                assertThat(client.lines).isEmpty();
                assertThat(follows.active()).isEqualTo(active);
            } finally {
                running.cancel(true);
            }
        } finally {
            Lab.removeServiceQuietly(silent);
        }
    }

    @Test
    void aClientThatLeavesEndsItsFollowAndGivesItsPlaceBack() throws Exception {
        int active = follows.active();
        Client client = new Client(3);
        Future<?> running = executor.submit(() -> tasks.follow(name, 0, null).run(client));
        running.get(60, TimeUnit.SECONDS);
        assertThat(client.lines).hasSize(3);
        assertThat(follows.active()).isEqualTo(active);
        assertThat(docker("service", "ls", "--filter", "name=" + name, "-q")).as("the service runs on").isNotEmpty();
    }

    @Test
    void aUserFollowsAtMostFiveLogsAtOnce() {
        int active = follows.active();
        List<LogFollow> held = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                held.add(tasks.follow(name, 10, null));
            }
            assertThatThrownBy(() -> tasks.follow(name, 10, null)).isInstanceOf(LimitReachedException.class)
                    .hasMessage("you already follow 5 logs (swarm.logs.max-follows-per-user): close one, or try again later");
            assertThat(follows.active()).isEqualTo(active + 5);
            held.remove(0).abandon();
            held.add(tasks.follow(name, 10, null));
        } finally {
            held.forEach(LogFollow::abandon);
        }
        assertThat(follows.active()).isEqualTo(active);
    }
}
