package dev.swarmmanager.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T = Instant.parse("2026-11-29T10:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle();

    @Test
    void anAccountWaitsAfterFiveFailuresTwiceAsLongAfterEachMoreUpToAQuarterHour() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("olga", "10.0.0.1", T);
        }
        assertThat(throttle.waitFor("olga", "10.0.0.1", T)).isZero();
        throttle.failed("olga", "10.0.0.1", T);
        assertThat(throttle.waitFor("olga", "10.0.0.9", T)).as("from any address").isEqualTo(Duration.ofSeconds(30));
        assertThat(throttle.waitFor("olga", "10.0.0.1", T.plusSeconds(30))).isZero();
        throttle.failed("olga", "10.0.0.1", T.plusSeconds(30));
        assertThat(throttle.waitFor("olga", "10.0.0.1", T.plusSeconds(30))).isEqualTo(Duration.ofSeconds(60));
        for (int i = 0; i < 10; i++) {
            throttle.failed("olga", "10.0.0.1", T.plusSeconds(100));
        }
        assertThat(throttle.waitFor("olga", "10.0.0.1", T.plusSeconds(100))).isEqualTo(SignInThrottle.MAX_WAIT);
        assertThat(throttle.waitFor("victor", "10.0.0.2", T.plusSeconds(100))).isZero();
    }

    @Test
    void anAddressWaitsAfterFiftyFailuresOverAnyAccountsAndASuccessClearsBoth() {
        for (int i = 0; i < SignInThrottle.ADDRESS_FREE_FAILURES; i++) {
            throttle.failed("user" + i, "10.0.0.1", T);
        }
        assertThat(throttle.waitFor("someone-else", "10.0.0.1", T)).isPositive();
        throttle.succeeded("someone-else", "10.0.0.1");
        assertThat(throttle.waitFor("someone-else", "10.0.0.1", T)).isZero();
    }

    @Test
    void attemptsAtOnceCannotAllPassTheCheckBeforeAnyFailureCounts() {
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.attempt("olga", "10.0.0.1", T)).as("attempt " + (i + 1)).isZero();
        }
        assertThat(throttle.attempt("olga", "10.0.0.1", T)).as("the sixth, with none of the five answered yet").isPositive();
        throttle.succeeded("olga", "10.0.0.1");
        assertThat(throttle.attempt("olga", "10.0.0.1", T)).isZero();
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("olga", null, T);
        }
        throttle.failed("olga", null, T.plus(SignInThrottle.FORGOTTEN_AFTER).plusSeconds(1));
        assertThat(throttle.waitFor("olga", null, T.plus(SignInThrottle.FORGOTTEN_AFTER).plusSeconds(1))).isZero();
    }
}
