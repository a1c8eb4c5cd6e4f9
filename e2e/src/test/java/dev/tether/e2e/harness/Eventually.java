package dev.tether.e2e.harness;

import java.time.Duration;

/** Polls a condition until it holds, and says how long it took, or fails with the last reason. */
public final class Eventually {
    private Eventually() {
    }

    /** A check that returns null when it holds, or why it does not. */
    @FunctionalInterface
    public interface Check {
        String failure() throws Exception;
    }

    /** Returns the time it took for {@code check} to hold; fails after {@code timeout}. */
    public static Duration within(Duration timeout, String what, Check check) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String last;
        do {
            last = check.failure();
            if (last == null) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + " did not happen within " + timeout + ": " + last);
    }
}
