package dev.tether.gateway.metrics;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The gateway's own counters: pushes by result, push latency, bytes received, persistence errors.
 * Thread-safe and lock-free (adders), so recording never slows a push. The gauges that describe the
 * store (hosts by state, series, expirations) are computed from the store at scrape time by
 * {@link LivenessFamilies}.
 */
public final class GatewayMetrics {
    /** Push latency buckets in seconds: the bar is p99 under 100 ms. */
    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final LongAdder[] pushes = new LongAdder[PushResult.values().length];
    private final LongAdder[] bucketCounts = new LongAdder[BUCKETS.length];
    private final LongAdder pushCount = new LongAdder();
    private final DoubleAdder pushSeconds = new DoubleAdder();
    private final LongAdder receivedBytes = new LongAdder();
    private final LongAdder persistErrors = new LongAdder();
    private final List<Supplier<List<MetricFamily>>> sources = new CopyOnWriteArrayList<>();

    public GatewayMetrics() {
        for (int i = 0; i < pushes.length; i++) {
            pushes[i] = new LongAdder();
        }
        for (int i = 0; i < bucketCounts.length; i++) {
            bucketCounts[i] = new LongAdder();
        }
    }

    /** Records one push: its result and how long it took, from the first byte read to the answer. */
    public void push(PushResult result, long nanos) {
        pushes[result.ordinal()].increment();
        double s = nanos / 1e9;
        pushCount.increment();
        pushSeconds.add(s);
        for (int i = 0; i < BUCKETS.length; i++) {
            if (s <= BUCKETS[i]) {
                bucketCounts[i].increment();
                break;
            }
        }
    }

    /** Bytes of push bodies as received on the wire (compressed when they were). */
    public void received(long bytes) {
        receivedBytes.add(bytes);
    }

    public void persistError() {
        persistErrors.increment();
    }

    /** Adds families that features outside the core count (auth failures), served after the core's. */
    public void addFamilies(Supplier<List<MetricFamily>> source) {
        sources.add(source);
    }

    public long pushes(PushResult result) {
        return pushes[result.ordinal()].sum();
    }

    public long persistErrors() {
        return persistErrors.sum();
    }

    /** The counters as families in the text 0.0.4 convention. */
    public List<MetricFamily> families() {
        List<MetricFamily> out = new ArrayList<>();
        List<Sample> byResult = new ArrayList<>();
        for (PushResult r : PushResult.values()) {
            byResult.add(new Sample("tether_gateway_pushes_total", Labels.of("result", r.label()),
                    pushes[r.ordinal()].sum()));
        }
        out.add(new MetricFamily("tether_gateway_pushes_total", MetricType.COUNTER, "Pushes by result.", byResult));

        List<Sample> hist = new ArrayList<>();
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
            cumulative += bucketCounts[i].sum();
            hist.add(new Sample("tether_gateway_push_duration_seconds_bucket", Labels.of("le", le(BUCKETS[i])), cumulative));
        }
        long count = pushCount.sum();
        hist.add(new Sample("tether_gateway_push_duration_seconds_bucket", Labels.of("le", "+Inf"), count));
        hist.add(new Sample("tether_gateway_push_duration_seconds_sum", Labels.EMPTY, pushSeconds.sum()));
        hist.add(new Sample("tether_gateway_push_duration_seconds_count", Labels.EMPTY, count));
        out.add(new MetricFamily("tether_gateway_push_duration_seconds", MetricType.HISTOGRAM,
                "Time to read, check and store one push.", hist));

        out.add(new MetricFamily("tether_gateway_received_bytes_total", MetricType.COUNTER,
                "Push body bytes received, as sent on the wire.",
                List.of(new Sample("tether_gateway_received_bytes_total", Labels.EMPTY, receivedBytes.sum()))));
        out.add(new MetricFamily("tether_gateway_persist_errors_total", MetricType.COUNTER,
                "Failed attempts to write the state file.",
                List.of(new Sample("tether_gateway_persist_errors_total", Labels.EMPTY, persistErrors.sum()))));
        for (Supplier<List<MetricFamily>> source : sources) {
            out.addAll(source.get());
        }
        return out;
    }

    private static String le(double b) {
        StringBuilder sb = new StringBuilder();
        dev.tether.protocol.text.ExpositionWriter.writeDouble(b, sb);
        return sb.toString();
    }
}
