package dev.swarmmanager.events.boundary;

import dev.swarmmanager.domain.ClusterChange;
import dev.swarmmanager.events.control.ChangeDetector;
import dev.swarmmanager.mirror.entity.ClusterSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The cluster's changes, numbered, for clients that follow them. The newest {@value #KEPT} are kept so that a
 * client that reconnects gets what it missed; one that missed more is told to reload ({@code resync}).
 * Subscribers are callbacks that answer whether they still listen: a client that left is dropped at the next
 * change or keep-alive.
 */
@ApplicationScoped
public class ChangeFeed {

    static final int KEPT = 2000;

    private final Deque<ClusterChange> recent = new ArrayDeque<>();
    private final List<Predicate<ClusterChange>> subscribers = new CopyOnWriteArrayList<>();
    private ClusterSnapshot previous;
    private long lastId;

    synchronized void refreshed(@Observes ClusterSnapshot snapshot) {
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
                recent.removeFirst();
            }
        }
        List<ClusterChange> deliver = changes.isEmpty()
                ? List.of(new ClusterChange(lastId, "keepalive", "none", null, null)) : changes;
        for (Predicate<ClusterChange> subscriber : subscribers) {
            for (ClusterChange change : deliver) {
                if (!subscriber.test(change)) {
                    subscribers.remove(subscriber);
                    break;
                }
            }
        }
    }

    /**
     * Registers a subscriber, first replaying what came after {@code lastSeen} (or, when that is older than
     * what is kept, a {@code resync} change).
     *
     * @param lastSeen the last change ID the client saw, or {@code null} for a new client
     */
    public synchronized void subscribe(Long lastSeen, Predicate<ClusterChange> subscriber) {
        if (lastSeen != null) {
            long oldestKept = recent.isEmpty() ? lastId + 1 : recent.peekFirst().id();
            if (lastSeen < oldestKept - 1) {
                subscriber.test(new ClusterChange(lastId, "resync", "none", null, null));
            } else {
                for (ClusterChange change : recent) {
                    if (change.id() > lastSeen && !subscriber.test(change)) {
                        return;
                    }
                }
            }
        }
        subscribers.add(subscriber);
    }

    public int subscribers() {
        return subscribers.size();
    }

    public synchronized long lastId() {
        return lastId;
    }
}
