package dev.tether.gateway.store;

import dev.tether.protocol.model.Labels;

import java.time.Duration;
import java.util.List;

/**
 * The Pushgateway-compatible groups: a job and its grouping labels, their pushed families, push and
 * failure times, and an optional TTL.
 *
 * <p>Concurrency contract: the same as {@link HostStore}'s, and shared with it. Writes to groups and
 * to hosts are applied one at a time under one lock, each validated completely before anything
 * changes; a family has one type across every live host and group (one type index). Reads
 * ({@link #view}, {@link #version}) never block and never see a partial write. A write costs time in
 * proportion to the push and to its own group, never to the number of groups or hosts.
 *
 * <p>A group without a TTL never lapses, as in the Pushgateway. A group whose TTL ran out serves no
 * series; it is kept for the retention (to report {@code tether_group_up 0}), then forgotten.
 */
public interface GroupStore {

    /**
     * Stores a push to group {@code key} and sets its push time.
     *
     * @param replace {@code true} (PUT): the push replaces every family of the group; {@code false}
     *     (POST): it replaces only the families with the same names
     * @param ttl the TTL asked, or {@code null} for none
     * @param maxSeries how many series the group may hold after the push (a POST adds to it)
     * @throws TypeConflictException when a family's type differs from a live host's or group's;
     *     nothing changes then
     * @throws TooManySeriesException when the group would hold more than {@code maxSeries}; nothing
     *     changes then
     */
    GroupRecord push(Labels key, HostSnapshot snapshot, boolean replace, Duration ttl, int maxSeries)
            throws TypeConflictException, TooManySeriesException;

    /** Records a refused push in the group's failure time (creating the group, as the Pushgateway does). */
    void pushFailed(Labels key);

    /** Deletes the group; returns whether it existed. */
    boolean delete(Labels key);

    /** Deletes every group. */
    void wipe();

    /** Every group kept, sorted by key, with the instant read. */
    GroupView view();

    /**
     * Drops the series of groups whose TTL ran out and forgets them after the retention.
     *
     * @return how many groups lapsed since the last sweep
     */
    int sweep();

    /** Replaces every group with persisted records, as at start-up (after the hosts were restored). */
    void restore(List<GroupRecord> records);

    /** A number that changes whenever the groups change. */
    long version();
}
