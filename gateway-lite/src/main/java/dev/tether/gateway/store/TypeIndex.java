package dev.tether.gateway.store;

import dev.tether.protocol.model.MetricType;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Family name to type, reference-counted by the hosts whose stored snapshot holds the family. It lets
 * a push check its families against every other host in time proportional to the push. Not
 * thread-safe: the store uses it under its write lock.
 */
final class TypeIndex {
    private static final class Entry {
        final MetricType type;
        final Set<String> hosts = new LinkedHashSet<>();

        Entry(MetricType type) {
            this.type = type;
        }
    }

    private final Map<String, Entry> entries = new HashMap<>();

    /** The type stored for {@code family}, or {@code null}. */
    MetricType type(String family) {
        Entry e = entries.get(family);
        return e == null ? null : e.type;
    }

    /** The hosts holding {@code family} (a live view; copy before changing the index). */
    Set<String> holders(String family) {
        Entry e = entries.get(family);
        return e == null ? Set.of() : e.hosts;
    }

    /** Whether every family of {@code s} agrees with the stored types (or is new). */
    boolean agrees(HostSnapshot s) {
        for (RenderedFamily f : s.families()) {
            Entry e = entries.get(f.name());
            if (e != null && !e.hosts.isEmpty() && e.type != f.type()) {
                return false;
            }
        }
        return true;
    }

    void add(String host, HostSnapshot s) {
        for (RenderedFamily f : s.families()) {
            Entry e = entries.get(f.name());
            if (e == null || e.hosts.isEmpty()) {
                e = new Entry(f.type());
                entries.put(f.name(), e);
            } else if (e.type != f.type()) {
                throw new IllegalStateException("index would hold two types for " + f.name());
            }
            e.hosts.add(host);
        }
    }

    void remove(String host, HostSnapshot s) {
        for (RenderedFamily f : s.families()) {
            Entry e = entries.get(f.name());
            if (e != null && e.hosts.remove(host) && e.hosts.isEmpty()) {
                entries.remove(f.name());
            }
        }
    }

    /** How many family names are indexed (for tests and self metrics). */
    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
