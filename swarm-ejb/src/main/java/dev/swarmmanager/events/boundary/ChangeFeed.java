package dev.swarmmanager.events.boundary;

import dev.swarmmanager.domain.ChangeType;
import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.domain.ClusterChanged;
import dev.swarmmanager.domain.LastEventId;
import dev.swarmmanager.domain.RegisteredCluster;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import dev.swarmmanager.docker.EngineTarget;
import dev.swarmmanager.events.control.ChangeDetector;
import dev.swarmmanager.mirror.control.ClusterSnapshots;
import dev.swarmmanager.mirror.entity.ClusterRefreshed;
import dev.swarmmanager.mirror.entity.ClusterRemoved;
import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import dev.swarmmanager.domain.LimitReachedException;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The cluster's changes, numbered, for clients that follow them. The newest {@value #KEPT} are kept so that a
 * client that reconnects gets what it missed; one that missed more is told to reload ({@code resync}).
 * Subscribers are callbacks that answer whether they still listen: a client that left is dropped at the next
 * change or keep-alive.
 * <p>
 * Changes are handed to each subscriber on a thread of its own (from the managed executor), never on the
 * mirror's: a client that stops reading blocks only its own delivery, not the mirror or the other clients. One
 * that falls {@value #MAX_BEHIND} changes behind is dropped; it reconnects and resumes from its last event ID.
 * <p>
 * Each managed Swarm has a feed of its own: the default cluster's follows its {@link ClusterSnapshot}s, a registered
 * cluster's its {@link ClusterRefreshed} events, and a subscriber gets the feed of the cluster its request works on
 * ({@link EngineTarget}). They share the numbering (so an ID names one change of one feed), the generation and the
 * caps; only the default cluster's changes go to the event history.
 */
@ApplicationScoped
public class ChangeFeed {

    static final int KEPT = 2000;
    static final int MAX_BEHIND = 1000;
    /** A subscription whose stream never opened (its first write never completed) gives its place back after this. */
    long neverStartedNanos = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    /** Runs the deliveries: the managed executor in the server. */
    @Resource
    ManagedExecutorService delivery;

    /** Each subscriber costs a connection and a delivery thread at each change: their number is bounded. */
    @Inject
    @ConfigProperty(name = "swarm.events.max-subscribers", defaultValue = "1000")
    int maxSubscribers = 1000;

    /** So that one user (or one script gone wrong) cannot take every place. */
    @Inject
    @ConfigProperty(name = "swarm.events.max-subscribers-per-user", defaultValue = "20")
    int maxPerUser = 20;

    /** The changes of each refresh (none, at times), for the event history (which keeps them longer than this feed). */
    @Inject
    Event<ClusterChanged> changed;

    @Inject
    ClusterSnapshots managed;

    /** Every subscriber of every feed, for the caps. */
    private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
    private long lastId;
    private final Feed home = new Feed();
    private final Map<String, Feed> elsewhere = new HashMap<>();
    /**
     * This feed's generation, in every event ID it writes: each server numbers its changes from one at each start, so
     * behind a load balancer, or after a restart, a client's last ID may be another feed's number.
     */
    private final String generation = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);

    synchronized void refreshed(@Observes ClusterSnapshot snapshot) {
        List<ClusterChange> changes = home.take(snapshot);
        if (changed != null) {
            // Every refresh, changed or not: the history's writer renews its lease on it while the cluster is quiet.
            changed.fireAsync(new ClusterChanged(RegisteredCluster.DEFAULT, Instant.now(), changes, snapshot.state()));
        }
        home.deliver(changes);
    }

    synchronized void refreshedElsewhere(@Observes ClusterRefreshed refreshed) {
        if (managed != null && !managed.isManaged(refreshed.cluster())) {
            return; // gone meanwhile: no feed is made again for it
        }
        Feed feed = feed(refreshed.cluster());
        List<ClusterChange> changes = feed.take(refreshed.snapshot());
        if (changed != null) {
            changed.fireAsync(new ClusterChanged(refreshed.cluster(), Instant.now(), changes, refreshed.snapshot().state()));
        }
        feed.deliver(changes);
    }

    /** A cluster no longer managed: its feed goes, and its subscribers with it (nothing more will come). */
    synchronized void removed(@Observes ClusterRemoved removed) {
        Feed gone = elsewhere.remove(removed.cluster());
        if (gone != null) {
            gone.listening.forEach(Subscription::cancel);
        }
    }

    private Feed feed(String cluster) {
        return elsewhere.computeIfAbsent(cluster, name -> new Feed());
    }

    /** One cluster's changes: the snapshot they were last compared with, the newest of them, and its subscribers. */
    private final class Feed {

        private final Deque<ClusterChange> recent = new ArrayDeque<>();
        private final List<Subscription> listening = new CopyOnWriteArrayList<>();
        private ClusterSnapshot previous;
        /** The newest change this feed cannot replay: dropped from {@link #recent}, or before the feed began. */
        private long forgottenUpTo = lastId;

        /** What changed since the last snapshot, numbered and kept. */
        List<ClusterChange> take(ClusterSnapshot snapshot) {
            List<ClusterChange> changes = new ArrayList<>();
            if (previous != null) {
                for (ChangeDetector.Change c : ChangeDetector.between(previous.state(), previous.health(),
                        snapshot.state(), snapshot.health())) {
                    changes.add(new ClusterChange(++lastId, c.type(), c.action(), c.reference(), c.data()));
                }
            }
            previous = snapshot;
            for (ClusterChange change : changes) {
                recent.addLast(change);
                if (recent.size() > KEPT) {
                    forgottenUpTo = recent.removeFirst().id();
                }
            }
            return changes;
        }

        void deliver(List<ClusterChange> changes) {
            List<ClusterChange> deliver = changes.isEmpty()
                    ? List.of(ClusterChange.signal(lastId, ChangeType.KEEPALIVE)) : changes;
            listening.forEach(subscription -> subscription.offer(deliver));
        }

        /** What came after the change {@code lastSeen}, or {@code null} when some of it is no longer kept. */
        List<ClusterChange> since(long lastSeen) {
            return lastSeen < forgottenUpTo || lastSeen > lastId ? null
                    : recent.stream().filter(change -> change.id() > lastSeen).toList();
        }
    }

    /**
     * Registers a subscriber, with what came after the change {@code lastEventId} names queued for it; when that is
     * older than what is kept, more than a subscriber may fall behind, or is not this feed's (another server's, or this
     * one's before a restart), a {@code resync} change instead. Nothing is delivered until the caller says its stream
     * is open ({@link Started#start()}): a delivery must not race the stream's first write.
     *
     * @param user        who subscribes, for the per-user cap
     * @param lastEventId the last event ID the client saw, as {@link #eventId} wrote it, or {@code null} for a new client
     * @throws LimitReachedException beyond {@code swarm.events.max-subscribers} overall or
     *                               {@code swarm.events.max-subscribers-per-user} for this user
     */
    public synchronized Started subscribe(String user, String lastEventId, Predicate<ClusterChange> subscriber) {
        if (subscribers.size() >= maxSubscribers) {
            throw new LimitReachedException("changes.all", maxSubscribers);
        }
        if (subscribers.stream().filter(s -> s.user.equals(user)).count() >= maxPerUser) {
            throw new LimitReachedException("changes.per-user", maxPerUser);
        }
        Feed feed = EngineTarget.current().map(target -> feed(target.cluster())).orElse(home);
        Subscription subscription = new Subscription(user, subscriber, feed);
        Long lastSeen = LastEventId.change(lastEventId, generation);
        if (lastSeen != null) {
            List<ClusterChange> missed = feed.since(lastSeen);
            // Near what a subscriber may fall behind, the next changes would end it before its replay is read:
            // reloading is the quicker way back then.
            subscription.offer(missed == null || missed.size() > MAX_BEHIND / 2
                    ? List.of(ClusterChange.signal(lastId, ChangeType.RESYNC)) : missed);
        }
        if (!subscription.ended) {
            subscribers.add(subscription);
            feed.listening.add(subscription);
        }
        return subscription;
    }

    /** A subscription, silent until its stream is open. */
    public interface Started {

        /** The stream is open: deliver what is queued, and every change from now on. */
        void start();

        /** The stream never opened: the place is free again. */
        void cancel();

        /**
         * What closes the client's stream when the feed ends the subscription itself (its cluster is no longer managed,
         * the client fell too far behind, its stream never opened): the client then reconnects and is answered anew.
         */
        void whenEnded(Runnable close);
    }

    /** The ID a stream writes for {@code change}, which the client sends back as its Last-Event-ID. */
    public String eventId(ClusterChange change) {
        return LastEventId.changeId(generation, change.id());
    }

    public int subscribers() {
        return subscribers.size();
    }

    /** One subscriber's changes not yet delivered, and whether a delivery is under way. */
    private final class Subscription implements Started {

        private final String user;
        private final Predicate<ClusterChange> subscriber;
        private final Feed feed;
        private final Deque<ClusterChange> pending = new ArrayDeque<>();
        private final long madeAt = System.nanoTime();
        private boolean delivering;
        private boolean started;
        private boolean ended;
        private Runnable close = () -> { };

        Subscription(String user, Predicate<ClusterChange> subscriber, Feed feed) {
            this.user = user;
            this.subscriber = subscriber;
            this.feed = feed;
        }

        void offer(List<ClusterChange> changes) {
            if (changes.isEmpty()) {
                return;
            }
            synchronized (this) {
                if (ended) {
                    return;
                }
                if (!started && System.nanoTime() - madeAt > neverStartedNanos) {
                    end(); // its stream never opened
                    return;
                }
                if (pending.size() + changes.size() > MAX_BEHIND) {
                    end(); // too slow: it resumes from its last event ID when it reconnects
                    return;
                }
                pending.addAll(changes);
                if (delivering || !started) {
                    return;
                }
                delivering = true;
            }
            schedule();
        }

        @Override
        public void start() {
            synchronized (this) {
                if (started || ended) {
                    return;
                }
                started = true;
                if (pending.isEmpty()) {
                    return;
                }
                delivering = true;
            }
            schedule();
        }

        private void schedule() {
            try {
                delivery.execute(this::deliver);
            } catch (RuntimeException refused) {
                // the executor takes no more work (the server stopping): the client reconnects elsewhere or later
                synchronized (this) {
                    delivering = false;
                    end();
                }
            }
        }

        @Override
        public synchronized void cancel() {
            end();
        }

        @Override
        public synchronized void whenEnded(Runnable close) {
            this.close = close;
            if (ended) {
                close.run();
            }
        }

        private void deliver() {
            while (true) {
                ClusterChange next;
                synchronized (this) {
                    next = pending.pollFirst();
                    if (next == null || ended) {
                        delivering = false;
                        return;
                    }
                }
                if (!subscriber.test(next)) {
                    synchronized (this) {
                        end();
                        delivering = false;
                    }
                    return;
                }
            }
        }

        private void end() {
            if (ended) {
                return;
            }
            ended = true;
            pending.clear();
            subscribers.remove(this);
            feed.listening.remove(this);
            Runnable closing = close;
            try {
                delivery.execute(closing); // not under this subscription's lock: closing writes to the network
            } catch (RuntimeException refused) { // the server stopping
                closing.run();
            }
        }
    }
}
