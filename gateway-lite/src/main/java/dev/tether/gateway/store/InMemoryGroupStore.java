package dev.tether.gateway.store;

import dev.tether.protocol.model.Labels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link GroupStore}, built on an {@link InMemoryHostStore} whose write lock and type index it
 * shares: records in a concurrent sorted map that readers walk without locking, one record swapped
 * per write. A POST rebuilds only its own group's family list.
 */
public final class InMemoryGroupStore implements GroupStore {
    private final InMemoryHostStore hosts;
    private final Clock clock;
    private final Duration retention;
    private final ConcurrentSkipListMap<String, GroupRecord> records = new ConcurrentSkipListMap<>();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong lapses = new AtomicLong();

    /**
     * @param retention how long a lapsed group keeps reporting {@code tether_group_up 0}
     */
    public InMemoryGroupStore(InMemoryHostStore hosts, Clock clock, Duration retention) {
        this.hosts = Objects.requireNonNull(hosts);
        this.clock = Objects.requireNonNull(clock);
        this.retention = Objects.requireNonNull(retention);
        hosts.attach(this);
    }

    @Override
    public GroupRecord push(Labels key, HostSnapshot snapshot, boolean replace, Duration ttl, int maxSeries)
            throws TypeConflictException, TooManySeriesException {
        String holder = GroupRecord.holderOf(key);
        synchronized (hosts.writeLock()) {
            Instant now = writeTime();
            GroupRecord old = records.get(holder);
            HostSnapshot kept = old == null ? null : old.liveSnapshot(now);
            HostSnapshot next = replace || kept == null ? snapshot : merge(kept, snapshot);
            if (next.series() > maxSeries) {
                throw new TooManySeriesException("group " + key + " would hold " + next.series()
                        + " series, more than " + maxSeries);
            }
            // Validate before anything changes: checkTypes may drop lapsed holders' series.
            hosts.checkTypes(holder, holder, snapshot, now);
            if (old != null && old.snapshot() != null) {
                hosts.index().remove(holder, old.snapshot());
            }
            if (old != null) {
                countLapse(old, now);
            }
            hosts.index().add(holder, next);
            GroupRecord rec = new GroupRecord(key, next, now, old == null ? null : old.failureTime(), ttl,
                    ttl == null ? null : now.plus(ttl), false);
            records.put(holder, rec);
            version.incrementAndGet();
            return rec;
        }
    }

    /** The stored families, those of {@code pushed} replacing the ones with the same names. */
    private static HostSnapshot merge(HostSnapshot stored, HostSnapshot pushed) {
        Map<String, RenderedFamily> byName = new LinkedHashMap<>();
        for (RenderedFamily f : stored.families()) {
            byName.put(f.name(), f);
        }
        for (RenderedFamily f : pushed.families()) {
            byName.put(f.name(), f);
        }
        return HostSnapshot.of(new ArrayList<>(byName.values()));
    }

    @Override
    public void pushFailed(Labels key) {
        String holder = GroupRecord.holderOf(key);
        synchronized (hosts.writeLock()) {
            Instant now = writeTime();
            GroupRecord old = records.get(holder);
            GroupRecord rec = old == null
                    ? new GroupRecord(key, HostSnapshot.EMPTY, null, now, null, null, false)
                    : new GroupRecord(key, old.snapshot(), old.pushTime(), now, old.ttl(), old.expiresAt(), old.lapseCounted());
            records.put(holder, rec);
            version.incrementAndGet();
        }
    }

    @Override
    public boolean delete(Labels key) {
        String holder = GroupRecord.holderOf(key);
        synchronized (hosts.writeLock()) {
            GroupRecord old = records.remove(holder);
            if (old == null) {
                return false;
            }
            if (old.snapshot() != null) {
                hosts.index().remove(holder, old.snapshot());
            }
            version.incrementAndGet();
            return true;
        }
    }

    @Override
    public void wipe() {
        synchronized (hosts.writeLock()) {
            for (GroupRecord r : records.values()) {
                if (r.snapshot() != null) {
                    hosts.index().remove(r.holder(), r.snapshot());
                }
            }
            records.clear();
            version.incrementAndGet();
        }
    }

    @Override
    public GroupView view() {
        return new GroupView(clock.instant(), new ArrayList<>(records.values()));
    }

    @Override
    public int sweep() {
        synchronized (hosts.writeLock()) {
            Instant now = clock.instant();
            long before = lapses.get();
            boolean changed = false;
            for (Map.Entry<String, GroupRecord> e : records.entrySet()) {
                GroupRecord r = e.getValue();
                if (!r.lapsed(now)) {
                    continue;
                }
                if (r.isGone(now, retention)) {
                    if (r.snapshot() != null) {
                        hosts.index().remove(e.getKey(), r.snapshot());
                    }
                    countLapse(r, now);
                    records.remove(e.getKey());
                    changed = true;
                } else if (r.snapshot() != null || !r.lapseCounted()) {
                    dropLapsed(e.getKey(), now);
                    changed = true;
                }
            }
            if (changed) {
                version.incrementAndGet();
            }
            return (int) (lapses.get() - before);
        }
    }

    @Override
    public void restore(List<GroupRecord> restored) {
        synchronized (hosts.writeLock()) {
            Instant now = clock.instant();
            boolean changes = !records.isEmpty() || !restored.isEmpty();
            for (GroupRecord r : records.values()) {
                if (r.snapshot() != null) {
                    hosts.index().remove(r.holder(), r.snapshot());
                }
            }
            records.clear();
            for (GroupRecord r : restored) {
                GroupRecord rec = r;
                if (rec.isGone(now, retention)) {
                    continue;
                }
                if (rec.snapshot() != null && rec.lapsed(now)) {
                    rec = rec.withSnapshot(null);
                }
                if (rec.snapshot() != null) {
                    try {
                        hosts.checkTypes(rec.holder(), rec.holder(), rec.snapshot(), now);
                        hosts.index().add(rec.holder(), rec.snapshot());
                    } catch (TypeConflictException e) {
                        // Only a hand-edited file can get here; keep the group, not its series.
                        rec = rec.withSnapshot(HostSnapshot.EMPTY);
                    }
                }
                records.put(rec.holder(), rec);
            }
            if (changes) {
                version.incrementAndGet();
            }
        }
    }

    /** Under the write lock: whether the group {@code holder} serves its series at {@code now}. */
    boolean isLive(String holder, Instant now) {
        GroupRecord r = records.get(holder);
        return r != null && r.liveSnapshot(now) != null;
    }

    /** Under the write lock: drops a lapsed group's series (they leave the index) and counts the lapse. */
    void dropLapsed(String holder, Instant now) {
        GroupRecord r = records.get(holder);
        if (r == null) {
            return;
        }
        if (r.snapshot() != null) {
            hosts.index().remove(holder, r.snapshot());
        }
        countLapse(r, now);
        records.put(holder, r.withSnapshot(null).withLapseCounted());
        version.incrementAndGet();
    }

    private void countLapse(GroupRecord r, Instant now) {
        if (!r.lapseCounted() && r.lapsed(now)) {
            lapses.incrementAndGet();
        }
    }

    /** How many times a group's TTL ran out without a push since start. */
    public long lapses() {
        return lapses.get();
    }

    private Instant writeTime() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public long version() {
        return version.get();
    }
}
