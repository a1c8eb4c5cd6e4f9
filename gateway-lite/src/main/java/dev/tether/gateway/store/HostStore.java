package dev.tether.gateway.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The hosts and their latest snapshots, with heartbeat TTLs.
 *
 * <p>Concurrency contract: every method may be called from any thread. Writes ({@link #push},
 * {@link #pause}, {@link #leave}, {@link #sweep}, {@link #restore}) are applied one at a time, each
 * validated completely before anything changes, so a refused write changes nothing and a concurrent
 * reader sees either a host's old record or its new one, never a mix. Reads ({@link #view},
 * {@link #version}) never block on writes and never see a partial write. A write costs time in
 * proportion to its own size (the families it touches), not to the number of hosts stored. The
 * Pushgateway groups ({@link GroupStore}) share the write lock and the type index, so a family has one
 * type across hosts and groups, and a host's push is refused on a live group's type as on a host's.
 *
 * <p>Time comes from the store's clock. Lapses are decided on read, so a host whose TTL ended is
 * reported expired at once; {@link #sweep} only frees memory and counts expirations.
 */
public interface HostStore {

    /**
     * Replaces {@code host}'s whole snapshot and gives it {@code ttl} from now. Ends a pause.
     *
     * @return the new record
     * @throws TypeConflictException when a family's type differs from the same family of another
     *     host that is up; nothing changes then
     */
    HostRecord push(String host, HostSnapshot snapshot, Duration ttl) throws TypeConflictException;

    /**
     * Pauses {@code host} for {@code duration}: its series are dropped at once and it is not reported
     * down until the pause ends. An unknown host is created paused.
     *
     * @return the new record
     */
    HostRecord pause(String host, Duration duration);

    /**
     * Goodbye: drops {@code host}'s series at once and marks it left.
     *
     * @return whether the host was known and had not already left
     */
    boolean leave(String host);

    /** Every host kept (up, expired, paused or left), sorted by name, with the instant read. */
    StoreView view();

    /**
     * Drops the series of hosts that lapsed, forgets hosts past the retention, and counts each lapse
     * once.
     *
     * @return how many hosts lapsed since the last sweep
     */
    int sweep();

    /** Replaces the whole content with persisted records, as at start-up. */
    void restore(List<HostRecord> records);

    /** A number that changes whenever the content changes, so persistence can skip unchanged state. */
    long version();

    /** How many times a host lapsed (TTL or pause ended without a push) since start. */
    long expirations();

    /** The store's clock reading. */
    Instant now();
}
