package dev.tether.gateway.remotewrite;

import dev.tether.gateway.store.HostSnapshot;

/**
 * A change to forward, queued as it happened: the snapshot objects are the store's own (immutable),
 * so queueing costs no copy; turning them into series is left to the sender thread.
 *
 * @param snapshot the series pushed (PUSHED) or the series that end (LAPSED, ENDED)
 * @param previous the host's snapshot forwarded before this push, whose series missing from this
 *     one end now; {@code null} when none
 * @param timeMillis the sample time: the push time, the lapse (end of the TTL), or the goodbye or pause
 * @param enqueuedNanos {@link System#nanoTime()} when queued, for the lag
 */
record HostEvent(Kind kind, String host, HostSnapshot snapshot, HostSnapshot previous, long timeMillis, long enqueuedNanos) {
    enum Kind {
        /** Samples at the push time, {@code tether_host_up 1}. */
        PUSHED,
        /** The TTL ran out: stale markers, {@code tether_host_up 0}. */
        LAPSED,
        /** Goodbye or pause: stale markers, {@code tether_host_up} ends too. */
        ENDED
    }

    /** About how many samples it becomes: what the queue's bound counts. */
    int weight() {
        return (snapshot == null ? 0 : snapshot.series()) + 1;
    }
}
