package dev.swarmmanager.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing down, per account and per client address: after a few failures in a row, the next
 * attempt must wait half a minute, twice as long after each further failure (up to a quarter of an hour). Checked before the password, so
 * a throttled guess costs no PBKDF2 either. A success clears the account and the address. In memory: a restart forgives.
 */
final class SignInThrottle {

    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 50;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    private record Failures(int count, Instant last) {
    }

    /**
     * Checks and counts in one step: an attempt that may go ahead counts as a failure until {@link #succeeded} says
     * otherwise, so that many attempts at once cannot all pass the check before any failure is counted.
     *
     * @return how long this attempt must wait; zero when it may go ahead (and is counted)
     */
    synchronized Duration attempt(String account, String address, Instant now) {
        Duration wait = waitFor(account, address, now);
        if (wait.isZero()) {
            failed(account, address, now);
        }
        return wait;
    }

    /** How long this attempt must wait; zero when it may go ahead. */
    Duration waitFor(String account, String address, Instant now) {
        Duration a = wait(accounts.get(account), ACCOUNT_FREE_FAILURES, now);
        Duration b = address == null ? Duration.ZERO : wait(addresses.get(address), ADDRESS_FREE_FAILURES, now);
        return a.compareTo(b) >= 0 ? a : b;
    }

    synchronized void failed(String account, String address, Instant now) {
        if (accounts.size() > MAX_TRACKED || addresses.size() > MAX_TRACKED) {
            forgetOld(now);
            if (addresses.size() > MAX_TRACKED) {
                addresses.clear(); // many addresses at once: the per-account counts still hold
            }
            if (accounts.size() > MAX_TRACKED) {
                accounts.clear();
            }
        }
        accounts.merge(account, new Failures(1, now), (old, one) -> new Failures(fresh(old, now) ? old.count() + 1 : 1, now));
        if (address != null) {
            addresses.merge(address, new Failures(1, now), (old, one) -> new Failures(fresh(old, now) ? old.count() + 1 : 1, now));
        }
    }

    synchronized void succeeded(String account, String address) {
        accounts.remove(account);
        if (address != null) {
            addresses.remove(address);
        }
    }

    private static Duration wait(Failures failures, int free, Instant now) {
        if (failures == null || failures.count() < free || !fresh(failures, now)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - free, 10);
        Duration penalty = FIRST_WAIT.multipliedBy(1L << doublings);
        Instant until = failures.last().plus(penalty.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : penalty);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private static boolean fresh(Failures failures, Instant now) {
        return failures.last().plus(FORGOTTEN_AFTER).isAfter(now);
    }

    private void forgetOld(Instant now) {
        accounts.values().removeIf(f -> !fresh(f, now));
        addresses.values().removeIf(f -> !fresh(f, now));
    }
}
