package dev.swarmmanager.security;

import java.time.Duration;

/** How a local sign-in attempt ended. */
public sealed interface SignInCheck {

    /** The password matches an enabled account: the caller's groups. */
    record Verified(String[] groups) implements SignInCheck {
    }

    /** Unknown account, wrong password, or a disabled account: the same answer for all three. */
    record Refused() implements SignInCheck {
    }

    /** Too many failures for the account or from the address: not checked; try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements SignInCheck {
    }
}
