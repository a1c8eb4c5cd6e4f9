package dev.tether.gateway.store;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.text.ExpositionWriter;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One Pushgateway group (a job and its grouping labels) at one moment. Immutable: every change makes
 * a new record. Unlike a host, a group has no TTL unless its last push asked for one; then it lapses
 * like a host does.
 *
 * @param key the grouping labels, {@code job} included
 * @param snapshot the families pushed, labels already forced; {@code null} once a lapse dropped them
 * @param pushTime the last successful push, or {@code null} when only failed pushes were seen
 * @param failureTime the last refused push, or {@code null}
 * @param ttl the TTL the last push asked for, or {@code null}: never expires
 * @param expiresAt when that TTL ends, or {@code null}
 * @param lapseCounted whether its current lapse was already counted
 */
public record GroupRecord(Labels key, HostSnapshot snapshot, Instant pushTime, Instant failureTime, Duration ttl,
                          Instant expiresAt, boolean lapseCounted) {
    /** Index keys of groups start with this; host names cannot contain a space. */
    private static final String HOLDER_PREFIX = "group ";

    public GroupRecord {
        Objects.requireNonNull(key, "key");
    }

    /** Whether its TTL ran out (never, without a TTL). */
    public boolean lapsed(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The series served at {@code now}: the snapshot until a TTL runs out. */
    public HostSnapshot liveSnapshot(Instant now) {
        return snapshot != null && !lapsed(now) ? snapshot : null;
    }

    /** Whether a lapsed group has reported {@code tether_group_up 0} for {@code retention} and can be forgotten. */
    public boolean isGone(Instant now, Duration retention) {
        return lapsed(now) && !now.isBefore(expiresAt.plus(retention));
    }

    /** Its key in the type index shared with the hosts. */
    public String holder() {
        return holderOf(key);
    }

    /** {@code group {job="a"}}: values escaped as in the text format, so two keys never share a holder. */
    static String holderOf(Labels key) {
        StringBuilder sb = new StringBuilder(HOLDER_PREFIX);
        ExpositionWriter.writeLabels(key, sb);
        return sb.toString();
    }

    static boolean isHolder(String holder) {
        return holder.startsWith(HOLDER_PREFIX);
    }

    GroupRecord withSnapshot(HostSnapshot s) {
        return new GroupRecord(key, s, pushTime, failureTime, ttl, expiresAt, lapseCounted);
    }

    GroupRecord withLapseCounted() {
        return new GroupRecord(key, snapshot, pushTime, failureTime, ttl, expiresAt, true);
    }
}
