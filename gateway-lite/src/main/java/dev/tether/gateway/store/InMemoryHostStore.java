package dev.tether.gateway.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link HostStore}: records in a concurrent sorted map that readers walk without locking, and
 * writes serialised by one lock (each write touches only its own host's families, so the lock is
 * held for time in proportion to the push). A host's snapshot is replaced by swapping one record,
 * which is what makes a push atomic for readers. An {@link InMemoryGroupStore} built on this store
 * takes the same lock and index ({@link #checkTypes} checks a push against both).
 */
public final class InMemoryHostStore implements HostStore {
    private final Clock clock;
    private final Duration retention;
    private final ConcurrentSkipListMap<String, HostRecord> records = new ConcurrentSkipListMap<>();
    private final TypeIndex index = new TypeIndex();
    private final Object writeLock = new Object();
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong expirations = new AtomicLong();
    /** The Pushgateway groups sharing the type index, or {@code null}; read and set under the write lock. */
    private InMemoryGroupStore groups;

    /**
     * @param retention how long expired and left hosts stay listed
     */
    public InMemoryHostStore(Clock clock, Duration retention) {
        this.clock = Objects.requireNonNull(clock);
        this.retention = Objects.requireNonNull(retention);
    }

    @Override
    public HostRecord push(String host, HostSnapshot snapshot, Duration ttl) throws TypeConflictException {
        synchronized (writeLock) {
            Instant now = writeTime();
            // Validate first: nothing below this call may fail.
            checkTypes(host, "host '" + host + "'", snapshot, now);
            HostRecord old = records.get(host);
            if (old != null) {
                if (old.snapshot() != null) {
                    index.remove(host, old.snapshot());
                }
                countLapse(old, now);
            }
            index.add(host, snapshot);
            HostRecord rec = new HostRecord(host, snapshot, now, ttl, now.plus(ttl), null, null, false);
            records.put(host, rec);
            version.incrementAndGet();
            return rec;
        }
    }

    /**
     * Under the write lock: refuses a family of {@code snapshot} whose type differs from the same
     * family of another live holder (host or group), then drops the series of lapsed holders that
     * still hold the family with the other type, so the caller can index {@code snapshot}.
     *
     * @param holder the index key of the pusher (a host name, or a group's {@link GroupRecord#holder()})
     * @param who the pusher as named in the error message
     */
    void checkTypes(String holder, String who, HostSnapshot snapshot, Instant now) throws TypeConflictException {
        List<String> lapsedHolders = new ArrayList<>();
        for (RenderedFamily f : snapshot.families()) {
            var stored = index.type(f.name());
            if (stored == null || stored == f.type()) {
                continue;
            }
            for (String other : index.holders(f.name())) {
                if (other.equals(holder)) {
                    continue;
                }
                if (isLiveHolder(other, now)) {
                    throw new TypeConflictException("metric family '" + f.name() + "' is a "
                            + typeName(f) + " in this push from " + who + " but a "
                            + stored.textName() + " from " + describeHolder(other));
                }
                lapsedHolders.add(other);
            }
        }
        // Holders that lapsed but were not swept yet no longer count; drop their series now.
        for (String other : lapsedHolders) {
            HostRecord r = records.get(other);
            if (r != null && r.snapshot() != null) {
                records.put(other, dropSeries(r, now));
            } else if (groups != null && GroupRecord.isHolder(other)) {
                groups.dropLapsed(other, now);
            }
        }
    }

    private boolean isLiveHolder(String holder, Instant now) {
        if (groups != null && GroupRecord.isHolder(holder)) {
            return groups.isLive(holder, now);
        }
        HostRecord r = records.get(holder);
        return r != null && r.liveSnapshot(now) != null;
    }

    private static String describeHolder(String holder) {
        return GroupRecord.isHolder(holder) ? holder : "host '" + holder + "'";
    }

    /** The lock and index the group store shares, so a family has one type across hosts and groups. */
    Object writeLock() {
        return writeLock;
    }

    TypeIndex index() {
        return index;
    }

    /** Called once, by the group store built on this store, before either is used. */
    void attach(InMemoryGroupStore groupStore) {
        synchronized (writeLock) {
            this.groups = groupStore;
        }
    }

    private static String typeName(RenderedFamily f) {
        return f.type().textName() == null ? f.type().openMetricsName() : f.type().textName();
    }

    @Override
    public HostRecord pause(String host, Duration duration) {
        synchronized (writeLock) {
            Instant now = writeTime();
            HostRecord old = records.get(host);
            HostRecord rec;
            if (old == null) {
                rec = new HostRecord(host, null, null, null, null, now.plus(duration), null, false);
            } else {
                if (old.snapshot() != null) {
                    index.remove(host, old.snapshot());
                }
                countLapse(old, now);
                rec = new HostRecord(host, null, old.lastPush(), old.ttl(), old.expiresAt(), now.plus(duration),
                        null, false);
            }
            records.put(host, rec);
            version.incrementAndGet();
            return rec;
        }
    }

    @Override
    public boolean leave(String host) {
        synchronized (writeLock) {
            Instant now = writeTime();
            HostRecord old = records.get(host);
            if (old == null || old.state(now) == HostState.LEFT) {
                return false;
            }
            if (old.snapshot() != null) {
                index.remove(host, old.snapshot());
            }
            records.put(host, new HostRecord(host, null, old.lastPush(), old.ttl(), old.expiresAt(), null, now, true));
            version.incrementAndGet();
            return true;
        }
    }

    @Override
    public StoreView view() {
        Instant now = clock.instant();
        return new StoreView(now, new ArrayList<>(records.values()));
    }

    @Override
    public int sweep() {
        synchronized (writeLock) {
            Instant now = clock.instant();
            long before = expirations.get();
            boolean changed = false;
            for (Map.Entry<String, HostRecord> e : records.entrySet()) {
                HostRecord r = e.getValue();
                HostState s = r.state(now);
                if (s == HostState.UP || s == HostState.PAUSED) {
                    continue;
                }
                if (r.isGone(now, retention)) {
                    if (r.snapshot() != null) {
                        index.remove(r.host(), r.snapshot());
                    }
                    countLapse(r, now);
                    records.remove(e.getKey());
                    changed = true;
                } else if (r.snapshot() != null || !r.lapseCounted()) {
                    records.put(e.getKey(), dropSeries(r, now));
                    changed = true;
                }
            }
            if (changed) {
                version.incrementAndGet();
            }
            return (int) (expirations.get() - before);
        }
    }

    /** The record without its series, its lapse counted; the series leave the index. */
    private HostRecord dropSeries(HostRecord r, Instant now) {
        if (r.snapshot() != null) {
            index.remove(r.host(), r.snapshot());
        }
        countLapse(r, now);
        return r.withSnapshot(null).withLapseCounted();
    }

    private void countLapse(HostRecord r, Instant now) {
        if (!r.lapseCounted() && r.state(now) == HostState.EXPIRED) {
            expirations.incrementAndGet();
        }
    }

    @Override
    public void restore(List<HostRecord> restored) {
        synchronized (writeLock) {
            Instant now = clock.instant();
            for (HostRecord r : records.values()) {
                if (r.snapshot() != null) {
                    index.remove(r.host(), r.snapshot());
                }
            }
            records.clear();
            for (HostRecord r : restored) {
                HostRecord rec = r;
                if (rec.snapshot() != null && rec.state(now) != HostState.UP) {
                    // Lapsed while the gateway was down: it comes back expired, without series.
                    rec = rec.withSnapshot(null);
                }
                if (rec.isGone(now, retention)) {
                    continue;
                }
                if (rec.snapshot() != null) {
                    if (index.agrees(rec.snapshot())) {
                        index.add(rec.host(), rec.snapshot());
                    } else {
                        // Only a hand-edited file can get here; keep the host, not its series.
                        rec = rec.withSnapshot(null);
                    }
                }
                records.put(rec.host(), rec);
            }
            version.incrementAndGet();
        }
    }

    /** Times that get stored are whole milliseconds, as in the state file, so a restart changes none. */
    private Instant writeTime() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public long version() {
        return version.get();
    }

    @Override
    public long expirations() {
        return expirations.get();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    /** How many family names the type index holds (for tests). */
    int indexedFamilies() {
        synchronized (writeLock) {
            return index.size();
        }
    }
}
