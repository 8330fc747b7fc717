package dev.swarmmanager.events.boundary;

import static dev.swarmmanager.lab.Lab.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.ChangeAction;
import dev.swarmmanager.domain.ChangeType;
import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.domain.LimitReachedException;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.domain.SwarmTask;
import dev.swarmmanager.lab.InContainer;
import dev.swarmmanager.lab.Lab;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The change feed in the server, fed by the real chain: the docker CLI changes the lab, Docker's events reach the
 * watch, the mirror reads again, and the feed hands the changes to its subscribers on the managed executor.
 */
class ChangeFeedIT extends InContainer {

    @Inject
    ChangeFeed feed;

    /** A subscriber as the SSE resource is one: it listens until its client leaves. */
    private static final class Client implements Predicate<ClusterChange> {
        final BlockingQueue<ClusterChange> received = new LinkedBlockingQueue<>();
        final AtomicBoolean connected = new AtomicBoolean(true);

        @Override
        public boolean test(ClusterChange change) {
            return connected.get() && received.add(change);
        }

        ClusterChange next(Predicate<ClusterChange> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<ClusterChange> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                ClusterChange change = received.poll(1, TimeUnit.SECONDS);
                if (change != null && wanted.test(change)) {
                    return change;
                }
                if (change != null) {
                    seen.add(change);
                }
            }
            throw new AssertionError("no change: " + what + "; received " + seen);
        }
    }

    /**
     * Something from the feed (a keep-alive at the latest at the next refresh): the feed has read the cluster once. In a
     * server just started it may not have yet, and what changes before its first read is no change to it.
     */
    private static void awaitsItsFirstDelivery(Client client) throws InterruptedException {
        client.next(change -> true, "anything within 30 s");
    }

    private static Predicate<ClusterChange> service(String id, ChangeAction action) {
        return change -> change.type() == ChangeType.SERVICE && id.equals(change.reference()) && change.action() == action;
    }

    @Test
    void aServiceTheCliCreatesScalesAndRemovesReachesASubscriberAsItsChanges() throws InterruptedException {
        int before = feed.subscribers();
        Client client = new Client();
        ChangeFeed.Started subscription = feed.subscribe(Lab.uniqueName("user"), null, client);
        try {
            subscription.start();
            assertThat(feed.subscribers()).isEqualTo(before + 1);
            awaitsItsFirstDelivery(client);

            String name = Lab.uniqueName("it-feed");
            String id = docker("service", "create", "--detach", "--quiet", "--name", name, "ocr-worker:1.0");
            try {
                ClusterChange created = client.next(service(id, ChangeAction.CREATED), "the service created");
                assertThat(((SwarmService) created.data()).name()).isEqualTo(name);
                ClusterChange task = client.next(change -> change.type() == ChangeType.TASK
                        && ((SwarmTask) change.data()).serviceId().equals(id), "a task of the service");
                assertThat(task.id()).isGreaterThan(created.id());

                docker("service", "scale", "--detach", name + "=2");
                ClusterChange scaled = client.next(service(id, ChangeAction.UPDATED)
                        .and(change -> ((SwarmService) change.data()).desiredReplicas() == 2), "the service scaled to two");
                assertThat(scaled.id()).isGreaterThan(task.id());
            } finally {
                Lab.removeServiceQuietly(name);
            }
            client.next(service(id, ChangeAction.REMOVED), "the service removed");

            client.connected.set(false);
            // A client that left is dropped at the next change or keep-alive (each refresh sends one).
            Lab.await(Duration.ofSeconds(30), () -> feed.subscribers() == before, () -> "the feed to drop the client that left");
        } finally {
            subscription.cancel(); // once dropped, nothing; after a failure, no subscriber left behind for the next test
        }
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsWhatItMissedOnceItsStreamIsOpen() throws InterruptedException {
        String user = Lab.uniqueName("user");
        String name = Lab.uniqueName("it-resume");
        Client first = new Client();
        ChangeFeed.Started firstSubscription = feed.subscribe(user, null, first);
        firstSubscription.start();
        awaitsItsFirstDelivery(first);
        ChangeFeed.Started resumed = null;
        String id = docker("service", "create", "--detach", "--quiet", "--name", name, "ocr-worker:1.0");
        try {
            ClusterChange seen = first.next(service(id, ChangeAction.CREATED), "the service created");
            first.connected.set(false);

            docker("service", "scale", "--detach", name + "=2"); // while the client is away
            Client again = new Client();
            resumed = feed.subscribe(user, feed.eventId(seen), again);
            Lab.sleep(1000);
            assertThat(again.received).as("nothing before the stream is open").isEmpty();
            resumed.start();
            ClusterChange missed = again.next(service(id, ChangeAction.UPDATED)
                    .and(change -> ((SwarmService) change.data()).desiredReplicas() == 2), "the scale it missed");
            assertThat(missed.id()).isGreaterThan(seen.id());
            assertThat(again.received).as("nothing it had seen is sent again").noneMatch(change -> change.id() <= seen.id());
        } finally {
            // Both places given back at once, not at the next delivery: the other tests count the subscribers.
            firstSubscription.cancel();
            if (resumed != null) {
                resumed.cancel();
            }
            Lab.removeServiceQuietly(name);
        }
    }

    @Test
    void aUserHoldsAtMostTwentySubscriptionsAndACancelledOneGivesItsPlaceBack() {
        String user = Lab.uniqueName("user");
        List<ChangeFeed.Started> held = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                held.add(feed.subscribe(user, null, change -> true));
            }
            assertThatThrownBy(() -> feed.subscribe(user, null, change -> true)).isInstanceOf(LimitReachedException.class)
                    .hasMessage("you already follow the changes 20 times (swarm.events.max-subscribers-per-user): close a tab, "
                            + "or try again later");
            ChangeFeed.Started other = feed.subscribe(Lab.uniqueName("user"), null, change -> true);
            other.cancel();

            held.remove(0).cancel();
            held.add(feed.subscribe(user, null, change -> true));
        } finally {
            held.forEach(ChangeFeed.Started::cancel);
        }
    }
}
