package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a reconnecting client sends back is read the same way by every stream; what we never wrote counts as nothing. */
class LastEventIdTest {

    @Test
    void aChangeFeedIdNamesTheFeedsGenerationAndTheChange() {
        String id = LastEventId.changeId("k3x9", 42);
        assertThat(LastEventId.change(" " + id + " ", "k3x9")).isEqualTo(42L);
        assertThat(LastEventId.change(null, "k3x9")).as("a new client").isNull();
        assertThat(LastEventId.change("", "k3x9")).as("a new client").isNull();
    }

    @Test
    void aChangeFeedIdOfAnotherGenerationOrNotOursAtAllIsStale() {
        assertThat(LastEventId.change(LastEventId.changeId("other", 42), "k3x9")).as("another server's").isEqualTo(LastEventId.STALE);
        assertThat(LastEventId.change("42", "k3x9")).as("a number alone").isEqualTo(LastEventId.STALE);
        assertThat(LastEventId.change("k3x9-forty-two", "k3x9")).isEqualTo(LastEventId.STALE);
        assertThat(LastEventId.change("k3x9--5", "k3x9")).isEqualTo(LastEventId.STALE);
        assertThat(LastEventId.change("k3x9-99999999999999999999999", "k3x9")).isEqualTo(LastEventId.STALE);
        assertThat(LastEventId.change("k3x", "k3x9")).isEqualTo(LastEventId.STALE);
    }

    @Test
    void aLogFollowIdIsTheTimeOfTheLastLine() {
        assertThat(LastEventId.logLine("2026-11-29T10:00:00.123456789Z")).isEqualTo(Instant.parse("2026-11-29T10:00:00.123456789Z"));
        assertThat(LastEventId.logLine("yesterday")).isNull();
        assertThat(LastEventId.logLine(" ")).isNull();
    }

    @Test
    void causesAreWalkedToTheRootAndSearchedByKind() {
        IOException root = new IOException("broken pipe");
        RuntimeException top = new RuntimeException("write failed", new UncheckedIOException(root));
        assertThat(Causes.root(top)).isSameAs(root);
        assertThat(Causes.find(top, IOException.class)).containsSame(root);
        assertThat(Causes.find(top, IllegalStateException.class)).isEmpty();
        assertThat(Causes.root(root)).isSameAs(root);
    }
}
