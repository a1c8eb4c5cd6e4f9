package dev.tether.gateway.remotewrite;

import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostState;
import dev.tether.gateway.store.HostStore;
import dev.tether.gateway.store.StoreView;
import dev.tether.gateway.store.TypeConflictException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A {@link HostStore} that forwards what happens to the hosts: every accepted push, and the end of a
 * host's series when it lapses (found by the sweep, so the stale markers go out when the lapse
 * happens, not when someone reads), leaves or pauses. It keeps the store's contract: each write is
 * handed to the store first and only an accepted one is forwarded; forwarding only queues an event
 * (O(1), never the network). Writes are serialised here as in the store, so events are queued in the
 * order the store applied them.
 *
 * <p>A lapsed host keeps {@code tether_host_up 0} in {@code /metrics} for the retention; the remote
 * store gets that sample again every {@link #DOWN_RESEND} (inside Prometheus's 5-minute lookback),
 * so an alert on {@code tether_host_up == 0} holds there too, and a stale marker when the retention
 * ends.
 */
final class RemoteWriteStore implements HostStore {
    private final HostStore store;
    private final Consumer<HostEvent> sink;
    /** Hosts whose series were forwarded and have not ended yet: the record of their last push. */
    private final Map<String, HostRecord> live = new HashMap<>();
    /** Lapsed hosts within the retention: when they lapsed and when {@code tether_host_up 0} was last sent. */
    private final Map<String, Down> down = new HashMap<>();
    /** Paused hosts and when their pause ends: one that ends without a push lapses (tether_host_up 0). */
    private final Map<String, Instant> paused = new HashMap<>();
    private final Duration retention;

    static final Duration DOWN_RESEND = Duration.ofMinutes(1);

    private record Down(Instant lapsedAt, Instant lastSent) {
    }

    RemoteWriteStore(HostStore store, Consumer<HostEvent> sink, Duration retention) {
        this.store = store;
        this.sink = sink;
        this.retention = retention;
    }

    @Override
    public synchronized HostRecord push(String host, dev.tether.gateway.store.HostSnapshot snapshot, Duration ttl)
            throws TypeConflictException {
        HostRecord rec = store.push(host, snapshot, ttl);
        HostRecord before = live.put(host, rec);
        if (before != null && before.expiresAt() != null && !rec.lastPush().isBefore(before.expiresAt())) {
            // It lapsed and the sweep has not seen it yet: end it at its lapse, then start again.
            emit(HostEvent.Kind.LAPSED, before, before.expiresAt(), null);
            before = null;
        }
        down.remove(host);
        paused.remove(host);
        emit(HostEvent.Kind.PUSHED, rec, rec.lastPush(), before);
        return rec;
    }

    @Override
    public synchronized HostRecord pause(String host, Duration duration) {
        HostRecord rec = store.pause(host, duration);
        end(host, store.now());
        paused.put(host, rec.pausedUntil());
        return rec;
    }

    @Override
    public synchronized boolean leave(String host) {
        boolean left = store.leave(host);
        if (left) {
            end(host, store.now());
            paused.remove(host);
        }
        return left;
    }

    /** Ends a host that paused or left: its series now, or at its lapse and then its tether_host_up now. */
    private void end(String host, Instant now) {
        HostRecord before = live.remove(host);
        if (before != null) {
            if (before.state(now) == HostState.UP) {
                emit(HostEvent.Kind.ENDED, before, now, null);
                return;
            }
            emit(HostEvent.Kind.LAPSED, before, before.expiresAt(), null);
        }
        if (down.remove(host) != null) {
            // It had lapsed: only its tether_host_up 0 is left to end.
            sink.accept(new HostEvent(HostEvent.Kind.ENDED, host, null, null, now.toEpochMilli(), System.nanoTime()));
        }
    }

    private void emit(HostEvent.Kind kind, HostRecord rec, Instant at, HostRecord previous) {
        if (kind == HostEvent.Kind.LAPSED) {
            down.put(rec.host(), new Down(at, at));
        }
        sink.accept(new HostEvent(kind, rec.host(), rec.snapshot(), previous == null ? null : previous.snapshot(),
                at.toEpochMilli(), System.nanoTime()));
    }

    @Override
    public synchronized int sweep() {
        int lapsed = store.sweep();
        Instant now = store.now();
        for (Iterator<HostRecord> it = live.values().iterator(); it.hasNext(); ) {
            HostRecord r = it.next();
            if (r.state(now) != HostState.UP) {
                it.remove();
                emit(HostEvent.Kind.LAPSED, r, r.expiresAt(), null);
            }
        }
        for (Iterator<Map.Entry<String, Instant>> it = paused.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (!now.isBefore(e.getValue())) {
                it.remove();
                down.put(e.getKey(), new Down(e.getValue(), now));
                sink.accept(new HostEvent(HostEvent.Kind.LAPSED, e.getKey(), null, null, e.getValue().toEpochMilli(),
                        System.nanoTime()));
            }
        }
        for (Iterator<Map.Entry<String, Down>> it = down.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Down> e = it.next();
            Down d = e.getValue();
            if (!now.isBefore(d.lapsedAt().plus(retention))) {
                it.remove();
                sink.accept(new HostEvent(HostEvent.Kind.ENDED, e.getKey(), null, null, now.toEpochMilli(), System.nanoTime()));
            } else if (!now.isBefore(d.lastSent().plus(DOWN_RESEND))) {
                e.setValue(new Down(d.lapsedAt(), now));
                sink.accept(new HostEvent(HostEvent.Kind.LAPSED, e.getKey(), null, null, now.toEpochMilli(), System.nanoTime()));
            }
        }
        return lapsed;
    }

    @Override
    public synchronized void restore(List<HostRecord> records) {
        store.restore(records);
        live.clear();
        down.clear();
        paused.clear();
        StoreView view = store.view();
        for (HostRecord r : view.records()) {
            // Not sent again, but their lapse will be; lapsed ones get tether_host_up 0 at the next sweep.
            if (r.liveSnapshot(view.now()) != null) {
                live.put(r.host(), r);
            } else if (r.state(view.now()) == HostState.PAUSED) {
                paused.put(r.host(), r.pausedUntil());
            } else if (r.state(view.now()) == HostState.EXPIRED && r.endedAt() != null) {
                down.put(r.host(), new Down(r.endedAt(), r.endedAt().minus(DOWN_RESEND)));
            }
        }
    }

    @Override
    public StoreView view() {
        return store.view();
    }

    @Override
    public long version() {
        return store.version();
    }

    @Override
    public long expirations() {
        return store.expirations();
    }

    @Override
    public Instant now() {
        return store.now();
    }
}
