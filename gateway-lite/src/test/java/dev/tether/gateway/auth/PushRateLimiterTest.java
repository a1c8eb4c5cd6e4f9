package dev.tether.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PushRateLimiterTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final PushRateLimiter limiter = new PushRateLimiter(1.0, 10, now::get);

    void advanceMillis(long ms) {
        now.addAndGet(ms * 1_000_000L);
    }

    @Test
    void acquire_burstThenOverLimit_waitInSeconds() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("t/h")).as("push %d", i).isZero();
        }
        assertThat(limiter.acquire("t/h")).isEqualTo(1);
        advanceMillis(1000);
        assertThat(limiter.acquire("t/h")).isZero();
        assertThat(limiter.acquire("t/h")).isEqualTo(1);
    }

    @Test
    void acquire_trayEvery15sForADay_neverRefused() {
        for (int i = 0; i < 24 * 60 * 4; i++) {
            assertThat(limiter.acquire("t/h")).isZero();
            advanceMillis(15_000);
        }
    }

    @Test
    void acquire_trayWithRetriesAndPauses_neverRefused() {
        // A cycle's push, a pause and a few backed-off retries in the same second stay within the burst.
        for (int cycle = 0; cycle < 100; cycle++) {
            for (int i = 0; i < 5; i++) {
                assertThat(limiter.acquire("t/h")).isZero();
            }
            advanceMillis(15_000);
        }
    }

    @Test
    void acquire_keysAreIndependent() {
        for (int i = 0; i < 10; i++) {
            limiter.acquire("t/a");
        }
        assertThat(limiter.acquire("t/a")).isPositive();
        assertThat(limiter.acquire("t/b")).isZero();
    }

    @Test
    void acquire_slowRate_retryAfterRoundsUp() {
        PushRateLimiter slow = new PushRateLimiter(1.0 / 60, 1, now::get);

        assertThat(slow.acquire("k")).isZero();
        assertThat(slow.acquire("k")).isEqualTo(60);
        advanceMillis(30_500);
        assertThat(slow.acquire("k")).isEqualTo(30);
    }
}
