package dev.swarmmanager.events.boundary;

import dev.swarmmanager.domain.ChangeType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.domain.HealthStatus;
import dev.swarmmanager.domain.LimitReachedException;
import dev.swarmmanager.domain.NodeAvailability;
import dev.swarmmanager.domain.NodeRole;
import dev.swarmmanager.domain.NodeState;
import dev.swarmmanager.domain.OverallHealth;
import dev.swarmmanager.domain.ServiceMode;
import dev.swarmmanager.domain.SwarmNode;
import dev.swarmmanager.domain.SwarmService;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.mirror.control.ClusterSnapshots;
import dev.swarmmanager.mirror.entity.ClusterRefreshed;
import dev.swarmmanager.mirror.entity.ClusterRemoved;
import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import dev.swarmmanager.domain.ClusterState;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {

    private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
    private final ChangeFeed feed = new ChangeFeed();

    {
        feed.delivery = executing(Runnable::run); // deliveries in the test's thread, in order
        feed.managed = new ClusterSnapshots();
        feed.managed.manage("site");
    }

    /** The container's executor, as far as the feed uses it. */
    private static ManagedExecutorService executing(Executor executor) {
        return (ManagedExecutorService) Proxy.newProxyInstance(ChangeFeedTest.class.getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        executor.execute((Runnable) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClusterSnapshot snapshot(NodeAvailability availability, long desired, OverallHealth verdict) {
        SwarmNode node = new SwarmNode("n1", "worker1", NodeRole.WORKER, availability, NodeState.READY, null, null,
                "198.18.0.21", "20.10", "linux", "x86_64", 2, 1, null, null, T, T, availability.ordinal());
        SwarmService service = new SwarmService("s1", "ocr", "ocr-worker:1.0", ServiceMode.REPLICATED, desired, 1,
                null, null, null, null, T, T, desired, null, null, null);
        HealthStatus health = new HealthStatus(verdict, List.of(), null, List.of(), 100, List.of(), T, false, 0);
        return new ClusterSnapshot(null, new ClusterState(null, List.of(node), List.of(service), List.of()), health, null,
                Map.of(), Map.of(), false);
    }

    @Test
    void subscribersAreCappedOverallAndPerUser() {
        feed.maxPerUser = 2;
        feed.maxSubscribers = 3;
        feed.subscribe("ada", null, change -> true);
        feed.subscribe("ada", null, change -> true);
        assertThatThrownBy(() -> feed.subscribe("ada", null, change -> true))
                .isInstanceOf(LimitReachedException.class).hasMessageContaining("max-subscribers-per-user");
        feed.subscribe("oscar", null, change -> true);
        assertThatThrownBy(() -> feed.subscribe("vera", null, change -> true))
                .isInstanceOf(LimitReachedException.class).hasMessageContaining("swarm.events.max-subscribers)");
        assertThat(feed.subscribers()).isEqualTo(3);
    }

    @Test
    void changesBetweenSnapshotsAreTypedAndNumbered() {
        List<ClusterChange> received = new ArrayList<>();
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        feed.subscribe("u", null, received::add).start();
        feed.refreshed(snapshot(NodeAvailability.DRAIN, 3, OverallHealth.DEGRADED));

        assertThat(received).extracting(ClusterChange::type).containsExactly(ChangeType.NODE, ChangeType.SERVICE, ChangeType.HEALTH);
        assertThat(received).extracting(ClusterChange::id).containsExactly(1L, 2L, 3L);
        assertThat(((SwarmNode) received.get(0).data()).availability()).isEqualTo(NodeAvailability.DRAIN);
    }

    @Test
    void eachClusterHasItsOwnFeedAndAClientGetsTheOneItsRequestWorksOn() {
        List<ClusterChange> home = new ArrayList<>();
        List<ClusterChange> site = new ArrayList<>();
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        feed.refreshedElsewhere(new ClusterRefreshed("site", snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY)));
        feed.subscribe("u", null, home::add).start();
        try (EngineTarget.Scope ignored = new EngineTarget("site", "tcp://198.18.0.31:2376", null).enter()) {
            feed.subscribe("u", null, site::add).start();
        }

        feed.refreshedElsewhere(new ClusterRefreshed("site", snapshot(NodeAvailability.DRAIN, 1, OverallHealth.HEALTHY)));
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 4, OverallHealth.HEALTHY));

        assertThat(site).extracting(ClusterChange::type).containsExactly(ChangeType.NODE);
        assertThat(home).extracting(ClusterChange::type).containsExactly(ChangeType.SERVICE);
        assertThat(home.get(0).id()).as("one numbering for every feed").isGreaterThan(site.get(0).id());
    }

    @Test
    void aClusterThatGoesEndsItsFeedAndClosesItsClientsStreams() {
        List<String> closed = new ArrayList<>();
        feed.refreshedElsewhere(new ClusterRefreshed("site", snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY)));
        try (EngineTarget.Scope ignored = new EngineTarget("site", "tcp://198.18.0.31:2376", null).enter()) {
            ChangeFeed.Started there = feed.subscribe("u", null, change -> true);
            there.whenEnded(() -> closed.add("site"));
            there.start();
        }
        ChangeFeed.Started home = feed.subscribe("u", null, change -> true);
        home.whenEnded(() -> closed.add("default"));
        home.start();

        feed.removed(new ClusterRemoved("site"));

        assertThat(closed).containsExactly("site");
        assertThat(feed.subscribers()).as("its place given back").isEqualTo(1);
    }

    @Test
    void aReadThatEndsAsItsClusterGoesLeavesNothingForARegistrationUnderTheSameName() {
        feed.refreshedElsewhere(new ClusterRefreshed("site", snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY)));
        feed.managed.forget("site");
        feed.removed(new ClusterRemoved("site"));
        feed.refreshedElsewhere(new ClusterRefreshed("site", snapshot(NodeAvailability.DRAIN, 1, OverallHealth.HEALTHY)));

        feed.managed.manage("site"); // registered again: another Swarm, perhaps
        List<ClusterChange> site = new ArrayList<>();
        try (EngineTarget.Scope ignored = new EngineTarget("site", "tcp://198.18.0.31:2376", null).enter()) {
            feed.subscribe("u", null, site::add).start();
        }
        feed.refreshedElsewhere(new ClusterRefreshed("site", snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY)));

        assertThat(site).as("its first read is compared with nothing").extracting(ClusterChange::type)
                .containsOnly(ChangeType.KEEPALIVE);
    }

    @Test
    void aQuietRefreshSendsAKeepAliveThatDropsAClientThatLeft() {
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        List<ClusterChange> received = new ArrayList<>();
        feed.subscribe("u", null, received::add).start();
        feed.subscribe("u", null, change -> false).start();
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        assertThat(received).extracting(ClusterChange::type).containsExactly(ChangeType.KEEPALIVE);
        assertThat(feed.subscribers()).isEqualTo(1);
    }

    @Test
    void aReconnectingClientGetsWhatItMissedOrIsToldToResync() {
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 2, OverallHealth.HEALTHY));
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 3, OverallHealth.HEALTHY));
        List<ClusterChange> resumed = new ArrayList<>();
        feed.subscribe("u", idOf(feed, 1), resumed::add).start();
        assertThat(resumed).extracting(ClusterChange::id).containsExactly(2L);

        for (int i = 0; i < ChangeFeed.KEPT + 5; i++) {
            feed.refreshed(snapshot(NodeAvailability.ACTIVE, 4 + i % 2, OverallHealth.HEALTHY));
        }
        List<ClusterChange> tooOld = new ArrayList<>();
        feed.subscribe("u", idOf(feed, 1), tooOld::add).start();
        assertThat(tooOld).extracting(ClusterChange::type).containsExactly(ChangeType.RESYNC);
    }

    @Test
    void anIdThisFeedDidNotWriteIsAnsweredWithResyncNeverWithOtherChanges() {
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 2, OverallHealth.HEALTHY));
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 3, OverallHealth.HEALTHY));
        // Another server behind the same load balancer, or this one before a restart: its numbers mean other changes.
        ChangeFeed other = new ChangeFeed();
        List<String> notOurs = List.of(idOf(other, 1), "1", idOf(feed, 99), "yesterday");
        for (String id : notOurs) {
            List<ClusterChange> got = new ArrayList<>();
            feed.subscribe("u", id, got::add).start();
            assertThat(got).as("Last-Event-ID " + id).extracting(ClusterChange::type).containsExactly(ChangeType.RESYNC);
        }
    }

    @Test
    void nothingIsDeliveredBeforeTheStreamIsOpenAndACancelFreesThePlace() {
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 2, OverallHealth.HEALTHY));
        List<ClusterChange> received = new ArrayList<>();
        ChangeFeed.Started replaying = feed.subscribe("u", idOf(feed, 0), received::add);
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 3, OverallHealth.HEALTHY));
        assertThat(received).as("the replay and a new change wait for the stream").isEmpty();
        replaying.start();
        assertThat(received).extracting(ClusterChange::id).containsExactly(1L, 2L);

        ChangeFeed.Started neverOpened = feed.subscribe("u", null, received::add);
        assertThat(feed.subscribers()).isEqualTo(2);
        neverOpened.cancel();
        neverOpened.start();
        assertThat(feed.subscribers()).isEqualTo(1);
    }

    @Test
    void aSubscriptionWhoseStreamNeverOpenedGivesItsPlaceBack() {
        feed.neverStartedNanos = 0;
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        feed.subscribe("u", null, change -> true);
        assertThat(feed.subscribers()).isEqualTo(1);
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 2, OverallHealth.HEALTHY));
        assertThat(feed.subscribers()).as("dropped at the next change, not left to fill up").isZero();
    }

    @Test
    void aReconnectThatMissedMoreThanASubscriberMayFallBehindIsToldToResyncAndFollowsOn() {
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
        for (int i = 0; i < ChangeFeed.MAX_BEHIND + 10; i++) {
            feed.refreshed(snapshot(NodeAvailability.ACTIVE, 2 + i % 2, OverallHealth.HEALTHY));
        }
        List<ClusterChange> received = new ArrayList<>();
        feed.subscribe("u", idOf(feed, 1), received::add).start();
        assertThat(received).extracting(ClusterChange::type).containsExactly(ChangeType.RESYNC);
        feed.refreshed(snapshot(NodeAvailability.ACTIVE, 7, OverallHealth.HEALTHY));
        assertThat(received).as("listening on, not a dead place: the client reloads and follows from here").hasSize(2);
        assertThat(feed.subscribers()).isEqualTo(1);
    }

    /** The event ID {@code feed} writes for its change number {@code n}. */
    private static String idOf(ChangeFeed feed, long n) {
        return feed.eventId(ClusterChange.signal(n, ChangeType.KEEPALIVE));
    }

    @Test
    void aClientThatStopsReadingHoldsUpNeitherTheMirrorNorTheOthersAndIsDroppedWhenTooFarBehind() throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        feed.delivery = executing(threads);
        CountDownLatch stuck = new CountDownLatch(1);
        try {
            feed.refreshed(snapshot(NodeAvailability.ACTIVE, 1, OverallHealth.HEALTHY));
            feed.subscribe("u", null, change -> {
                try {
                    stuck.await(); // a client whose connection takes nothing more
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }).start();
            BlockingQueue<ClusterChange> reader = new LinkedBlockingQueue<>();
            feed.subscribe("u", null, reader::add).start();

            int changes = ChangeFeed.MAX_BEHIND + 10;
            for (int i = 0; i < changes; i++) { // returns each time: nothing waits on the stuck client
                feed.refreshed(snapshot(NodeAvailability.ACTIVE, 2 + i % 2, OverallHealth.HEALTHY));
            }
            for (int i = 0; i < changes; i++) {
                assertThat(reader.poll(5, TimeUnit.SECONDS)).as("change " + i + " reaches the reading client").isNotNull();
            }
            assertThat(feed.subscribers()).as("the stuck one is dropped; it would resume by its last event ID").isEqualTo(1);
        } finally {
            stuck.countDown();
            threads.shutdown();
        }
    }
}
