package dev.tether.tray.push;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, capped: the n-th consecutive failure waits
 * {@code min(cap, base × 2^(n-1))}, of which the upper half is random ("equal jitter"), so that trays
 * that failed together do not retry together, yet never retry sooner than half the step.
 */
public final class Backoff {
    private final Duration base;
    private final DoubleSupplier random;

    /**
     * @param random uniform in [0, 1); tests pass a fixed one
     */
    public Backoff(Duration base, DoubleSupplier random) {
        this.base = base;
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Math::random);
    }

    /** The wait after {@code failures} consecutive failures (at least 1), never above {@code cap}. */
    public Duration delay(int failures, Duration cap) {
        long capMs = cap.toMillis();
        long step = base.toMillis();
        for (int i = 1; i < failures && step < capMs; i++) {
            step *= 2;
        }
        step = Math.min(step, capMs);
        long half = step / 2;
        return Duration.ofMillis(step - half + (long) (random.getAsDouble() * half));
    }
}
