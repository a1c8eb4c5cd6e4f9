package dev.tether.tray.push;

import dev.tether.tray.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private static final Duration INTERVAL = Duration.ofSeconds(15);

    @Test
    void delay_consecutiveFailures_doublesUpToTheInterval() {
        // The top of the jitter range: the whole step.
        Backoff noJitter = new Backoff(Duration.ofMillis(500), () -> 1.0);
        assertThat(noJitter.delay(1, INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(noJitter.delay(2, INTERVAL)).isEqualTo(Duration.ofMillis(1000));
        assertThat(noJitter.delay(3, INTERVAL)).isEqualTo(Duration.ofMillis(2000));
        assertThat(noJitter.delay(6, INTERVAL)).isEqualTo(Duration.ofSeconds(15));
        assertThat(noJitter.delay(60, INTERVAL)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void delay_jitter_staysInTheUpperHalfOfTheStep() {
        assertThat(new Backoff(Duration.ofMillis(500), () -> 0.0).delay(3, INTERVAL)).isEqualTo(Duration.ofMillis(1000));
        assertThat(new Backoff(Duration.ofMillis(500), () -> 0.5).delay(3, INTERVAL)).isEqualTo(Duration.ofMillis(1500));
        assertThat(new Backoff(Duration.ofMillis(500), () -> 0.0).delay(30, INTERVAL)).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void record_retryableFailures_notBeforeGrowsWithFakeClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        RetryState r = new RetryState(new Backoff(Duration.ofMillis(500), () -> 0.0));

        assertThat(r.record(Outcome.RETRYABLE, clock.instant(), INTERVAL)).isTrue();
        assertThat(r.notBefore()).isEqualTo(clock.instant().plusMillis(250));
        assertThat(r.mayAttempt(clock.instant())).isFalse();
        clock.advance(Duration.ofMillis(250));
        assertThat(r.mayAttempt(clock.instant())).isTrue();

        r.record(Outcome.RETRYABLE, clock.instant(), INTERVAL);
        assertThat(r.notBefore()).isEqualTo(clock.instant().plusMillis(500));
        for (int i = 0; i < 10; i++) {
            r.record(Outcome.RETRYABLE, clock.instant(), INTERVAL);
        }
        assertThat(r.notBefore()).isEqualTo(clock.instant().plus(INTERVAL.dividedBy(2)));
        assertThat(r.consecutiveFailures()).isEqualTo(12);

        assertThat(r.record(Outcome.OK, clock.instant(), INTERVAL)).isFalse();
        assertThat(r.consecutiveFailures()).isZero();
        assertThat(r.mayAttempt(clock.instant())).isTrue();
    }

    @Test
    void record_authRefused_noRetryAndWaitsAnInterval() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        RetryState r = new RetryState(Backoff.standard());

        assertThat(r.record(Outcome.AUTH_REFUSED, clock.instant(), INTERVAL)).isFalse();
        clock.advance(INTERVAL.minusMillis(1));
        assertThat(r.mayAttempt(clock.instant())).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(r.mayAttempt(clock.instant())).isTrue();
    }

    @Test
    void record_rejected_noRetryButNextSnapshotMayGoAtOnce() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T06:00:00Z"));
        RetryState r = new RetryState(Backoff.standard());
        assertThat(r.record(Outcome.REJECTED, clock.instant(), INTERVAL)).isFalse();
        assertThat(r.mayAttempt(clock.instant())).isTrue();
    }

    @Test
    void outcome_of_classifiesStatuses() {
        assertThat(Outcome.of(200)).isEqualTo(Outcome.OK);
        assertThat(Outcome.of(401)).isEqualTo(Outcome.AUTH_REFUSED);
        assertThat(Outcome.of(403)).isEqualTo(Outcome.AUTH_REFUSED);
        assertThat(Outcome.of(400)).isEqualTo(Outcome.REJECTED);
        assertThat(Outcome.of(413)).isEqualTo(Outcome.REJECTED);
        assertThat(Outcome.of(503)).isEqualTo(Outcome.RETRYABLE);
        assertThat(Outcome.of(408)).isEqualTo(Outcome.RETRYABLE);
    }
}
