package dev.swarmmanager.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What a reconnecting client sends back is read the same way by every stream; what we never wrote counts as nothing. */
class LastEventIdTest {

    @Test
    void aChangeFeedIdIsTheNumberOfTheLastChange() {
        assertThat(LastEventId.change(" 42 ")).isEqualTo(42L);
        assertThat(LastEventId.change(null)).isNull();
        assertThat(LastEventId.change("")).isNull();
        assertThat(LastEventId.change("forty-two")).as("not ours: start afresh").isNull();
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
