package dev.tether.agent.instrument.recording;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Per-connection state of {@code HttpURLConnection} exchanges: when each began and whether it was
 * counted. Instrumented JDK classes cannot get fields (retransformation), so it lives here.
 *
 * <p>Keys are weak: a connection the app drops is forgotten at the next collection, counted or not.
 * At most {@code max} live connections are tracked; past that, a new exchange is timed from its
 * {@code getInputStream} alone and, being untracked, counted again if the app calls that once more.
 * One lock: two short critical sections per exchange, against a network round trip.
 */
final class UrlConnectionExchanges {
    static final int MAX_TRACKED = 10_000;

    /** What {@link #complete} returns when the exchange was already counted. */
    static final long COUNTED = Long.MIN_VALUE;

    private final int max;
    private final Map<Object, Exchange> exchanges = new WeakHashMap<Object, Exchange>();

    UrlConnectionExchanges(int max) {
        this.max = max;
    }

    /** The exchange on {@code connection} begins at {@code now}, unless it already began. */
    synchronized void started(Object connection, long now) {
        if (!exchanges.containsKey(connection) && exchanges.size() < max) {
            exchanges.put(connection, new Exchange(now));
        }
    }

    /**
     * The exchange ends: it is marked counted.
     *
     * @param callStart when the call that ends it began
     * @return when the exchange began, or {@link #COUNTED} if it was counted before
     */
    synchronized long complete(Object connection, long callStart) {
        Exchange e = exchanges.get(connection);
        if (e == null) {
            if (exchanges.size() < max) {
                Exchange counted = new Exchange(callStart);
                counted.counted = true;
                exchanges.put(connection, counted);
            }
            return callStart;
        }
        if (e.counted) {
            return COUNTED;
        }
        e.counted = true;
        // nanoTime values compare by difference only.
        return e.start - callStart < 0 ? e.start : callStart;
    }

    synchronized int size() {
        return exchanges.size();
    }

    private static final class Exchange {
        final long start;
        boolean counted;

        Exchange(long start) {
            this.start = start;
        }
    }
}
