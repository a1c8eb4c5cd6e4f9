package dev.tether.tray.push;

import java.time.Duration;
import java.time.Instant;

/**
 * When the next attempt at one gateway may start, given how the last ones went. Pure logic on
 * instants, so tests drive it with a fake clock. Not thread-safe; the pusher guards it.
 *
 * <ul>
 *   <li>OK or REJECTED: the next snapshot may go at once.</li>
 *   <li>RETRYABLE: wait {@link Backoff#delay}, capped at the interval, then retry (the latest snapshot).</li>
 *   <li>AUTH_REFUSED: wait a whole interval; no hot loop against a gateway that says no.</li>
 * </ul>
 */
public final class RetryState {
    private final Backoff backoff;
    private int failures;
    private Instant notBefore = Instant.MIN;

    public RetryState(Backoff backoff) {
        this.backoff = backoff;
    }

    /** Records an attempt that ended at {@code now}; returns whether the same action should be retried. */
    public boolean record(Outcome outcome, Instant now, Duration interval) {
        switch (outcome) {
            case OK:
            case REJECTED:
                failures = outcome == Outcome.OK ? 0 : failures + 1;
                notBefore = now;
                return false;
            case AUTH_REFUSED:
                failures++;
                notBefore = now.plus(interval);
                return false;
            default:
                failures++;
                notBefore = now.plus(backoff.delay(failures, interval));
                return true;
        }
    }

    public Instant notBefore() {
        return notBefore;
    }

    public boolean mayAttempt(Instant now) {
        return !now.isBefore(notBefore);
    }

    public int consecutiveFailures() {
        return failures;
    }
}
