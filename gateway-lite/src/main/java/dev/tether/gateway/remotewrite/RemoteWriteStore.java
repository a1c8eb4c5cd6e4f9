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
 */
final class RemoteWriteStore implements HostStore {
    private final HostStore store;
    private final Consumer<HostEvent> sink;
    /** Hosts whose series were forwarded and have not ended yet: the record of their last push. */
    private final Map<String, HostRecord> live = new HashMap<>();

    RemoteWriteStore(HostStore store, Consumer<HostEvent> sink) {
        this.store = store;
        this.sink = sink;
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
        emit(HostEvent.Kind.PUSHED, rec, rec.lastPush(), before);
        return rec;
    }

    @Override
    public synchronized HostRecord pause(String host, Duration duration) {
        HostRecord rec = store.pause(host, duration);
        end(host, store.now());
        return rec;
    }

    @Override
    public synchronized boolean leave(String host) {
        boolean left = store.leave(host);
        if (left) {
            end(host, store.now());
        }
        return left;
    }

    /** Ends a forwarded host: at its lapse if it had lapsed already, else now. */
    private void end(String host, Instant now) {
        HostRecord before = live.remove(host);
        if (before == null) {
            return;
        }
        if (before.state(now) == HostState.UP) {
            emit(HostEvent.Kind.ENDED, before, now, null);
        } else {
            emit(HostEvent.Kind.LAPSED, before, before.expiresAt(), null);
        }
    }

    private void emit(HostEvent.Kind kind, HostRecord rec, Instant at, HostRecord previous) {
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
        return lapsed;
    }

    @Override
    public synchronized void restore(List<HostRecord> records) {
        store.restore(records);
        live.clear();
        StoreView view = store.view();
        for (HostRecord r : view.records()) {
            // Not sent again, but their lapse will be.
            if (r.liveSnapshot(view.now()) != null) {
                live.put(r.host(), r);
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
