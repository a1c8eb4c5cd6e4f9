package dev.tether.gateway.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What the store knows about one host at one moment. Immutable: every change makes a new record. The
 * state is not stored but computed from the times and a clock reading ({@link #state(Instant)}), so
 * that a lapse is visible the moment it happens, whatever the sweep is doing.
 *
 * @param snapshot the series last pushed, or {@code null} once they were dropped (paused, left, lapsed and swept)
 * @param lastPush when it last pushed, or {@code null} if it never did
 * @param ttl the TTL granted to the last push, or {@code null}
 * @param expiresAt when the last push's TTL ends, or {@code null}
 * @param pausedUntil end of the current pause, or {@code null} when not paused
 * @param leftAt when it said goodbye, or {@code null}
 * @param lapseCounted whether its current lapse was already counted in the expirations
 */
public record HostRecord(String host, HostSnapshot snapshot, Instant lastPush, Duration ttl, Instant expiresAt,
                         Instant pausedUntil, Instant leftAt, boolean lapseCounted) {

    /** The state at {@code now}. */
    public HostState state(Instant now) {
        if (leftAt != null) {
            return HostState.LEFT;
        }
        if (pausedUntil != null) {
            return now.isBefore(pausedUntil) ? HostState.PAUSED : HostState.EXPIRED;
        }
        return expiresAt != null && now.isBefore(expiresAt) ? HostState.UP : HostState.EXPIRED;
    }

    /** When it stopped being up or paused: the goodbye, the end of the pause, or the end of the TTL. */
    public Instant endedAt() {
        if (leftAt != null) {
            return leftAt;
        }
        return pausedUntil != null ? pausedUntil : expiresAt;
    }

    /** Whether an expired or left host has been kept for {@code retention} and can be forgotten. */
    public boolean isGone(Instant now, Duration retention) {
        HostState s = state(now);
        if (s != HostState.EXPIRED && s != HostState.LEFT) {
            return false;
        }
        Instant ended = endedAt();
        return ended == null || !now.isBefore(ended.plus(retention));
    }

    /** The series served at {@code now}: the snapshot while up, nothing otherwise. */
    public HostSnapshot liveSnapshot(Instant now) {
        return snapshot != null && state(now) == HostState.UP ? snapshot : null;
    }

    HostRecord withSnapshot(HostSnapshot s) {
        return new HostRecord(host, s, lastPush, ttl, expiresAt, pausedUntil, leftAt, lapseCounted);
    }

    HostRecord withLapseCounted() {
        return new HostRecord(host, snapshot, lastPush, ttl, expiresAt, pausedUntil, leftAt, true);
    }
}
