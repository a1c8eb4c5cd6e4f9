package dev.tether.agent.instrument.recording;

import io.prometheus.client.Counter;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds one traffic-derived label of one family: the first {@code max} distinct values are kept, every
 * later one reads as {@code other} and counts {@code tether_agent_label_overflow_total{family}}. A known
 * value costs one map lookup and allocates nothing.
 */
final class LabelLimiter {
    static final String OTHER = "other";

    private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<String, String>();
    private final int max;
    private final Counter.Child overflow;

    LabelLimiter(int max, Counter overflow, String family) {
        this.max = max;
        this.overflow = overflow.labels(family);
    }

    String bound(String value) {
        String v = known.get(value);
        if (v != null) {
            return v;
        }
        synchronized (this) {
            v = known.get(value);
            if (v != null) {
                return v;
            }
            if (known.size() >= max) {
                overflow.inc();
                return OTHER;
            }
            known.put(value, value);
            return value;
        }
    }
}
