package dev.tether.gateway.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per key (a token and the host it pushes): {@code rate} pushes a second
 * sustained, {@code burst} at once. A tray pushing every 15 s never comes near it; a loop pushing
 * as fast as it can gets 429. Idle buckets are full, so they are dropped rather than kept.
 */
public final class PushRateLimiter {
    private static final int MAX_KEYS = 100_000;

    private final double ratePerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;
    }

    public PushRateLimiter(double perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    PushRateLimiter(double perSecond, int burst, LongSupplier nanoTime) {
        if (perSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.ratePerNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /**
     * Takes one push from the key's bucket.
     *
     * @return 0 when allowed, else the whole seconds to wait before the next push is allowed (at least 1)
     */
    public long acquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_KEYS) {
            long fullAfter = (long) (burst / ratePerNano);
            buckets.values().removeIf(b -> now - b.last > fullAfter);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> {
            Bucket n = new Bucket();
            n.tokens = burst;
            n.last = now;
            return n;
        });
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.last) * ratePerNano);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            double waitNanos = (1 - b.tokens) / ratePerNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        }
    }
}
