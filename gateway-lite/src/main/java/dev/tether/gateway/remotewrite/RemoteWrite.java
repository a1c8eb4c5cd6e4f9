package dev.tether.gateway.remotewrite;

import dev.tether.gateway.GatewayExtension;
import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.http.GatewayServer;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.store.HostStore;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;

/**
 * Remote write as a {@link GatewayExtension}: with {@code --remote-write-url} set, it wraps the store
 * ({@link RemoteWriteStore}) and gives each URL its own {@link RemoteWriteQueue}, so a slow endpoint
 * delays neither pushes nor the other endpoints. Adds its self metrics to {@code /metrics}. Does
 * nothing when no URL is configured.
 */
public final class RemoteWrite implements GatewayExtension {
    private static final Logger LOG = Logger.getLogger(RemoteWrite.class.getName());

    private final RemoteWriteOptions options;
    private final List<RemoteWriteQueue> queues = new ArrayList<>();

    private RemoteWrite(RemoteWriteOptions options) {
        this.options = options;
    }

    public static GatewayExtension extension() {
        return extension(RemoteWriteOptions.DEFAULTS);
    }

    public static GatewayExtension extension(RemoteWriteOptions options) {
        return new RemoteWrite(options);
    }

    @Override
    public HostStore wrapStore(HostStore store, GatewayMetrics metrics, GatewayConfig config) {
        if (config.remoteWriteUrls().isEmpty()) {
            return store;
        }
        for (URI url : config.remoteWriteUrls()) {
            queues.add(new RemoteWriteQueue(url, config.remoteWriteBearerTokenFile(), config.remoteWriteHeaders(), options));
            LOG.info("remote write to " + RemoteWriteQueue.displayName(url));
        }
        metrics.addFamilies(this::families);
        return new RemoteWriteStore(store, e -> {
            for (RemoteWriteQueue q : queues) {
                q.offer(e);
            }
        }, config.expiredRetention());
    }

    @Override
    public void extend(GatewayServer.Builder server, HostStore store, GatewayMetrics metrics, GatewayConfig config) {
        // No routes: remote write only sends.
    }

    @Override
    public void close() {
        for (RemoteWriteQueue q : queues) {
            q.close();
        }
    }

    private List<MetricFamily> families() {
        List<MetricFamily> out = new ArrayList<>();
        out.add(counter("tether_gateway_remote_write_sent_samples_total", "Samples the remote-write endpoint accepted.",
                q -> q.sentSamples));
        out.add(counter("tether_gateway_remote_write_failed_samples_total",
                "Samples refused with a 4xx other than 429, or given up on after retries.", q -> q.failedSamples));
        out.add(counter("tether_gateway_remote_write_dropped_total",
                "Samples dropped unsent because the queue was full (oldest first).", q -> q.droppedSamples));
        out.add(counter("tether_gateway_remote_write_retries_total", "Requests retried after a 5xx, 429 or network error.",
                q -> q.retries));
        out.add(counter("tether_gateway_remote_write_requests_total", "Requests sent, retries included.", q -> q.requests));
        out.add(gauge("tether_gateway_remote_write_queue_samples", "Samples waiting in the queue.", q -> q.queuedSamples()));
        out.add(gauge("tether_gateway_remote_write_lag_seconds",
                "Age of the oldest change not yet sent; 0 when all are sent.", RemoteWriteQueue::lagSeconds));
        return out;
    }

    private MetricFamily counter(String name, String help, Function<RemoteWriteQueue, LongAdder> value) {
        return gauge(name, help, MetricType.COUNTER, q -> value.apply(q).sum());
    }

    private MetricFamily gauge(String name, String help, ToDoubleFunction<RemoteWriteQueue> value) {
        return gauge(name, help, MetricType.GAUGE, value);
    }

    private MetricFamily gauge(String name, String help, MetricType type, ToDoubleFunction<RemoteWriteQueue> value) {
        List<Sample> samples = new ArrayList<>();
        for (RemoteWriteQueue q : queues) {
            samples.add(new Sample(name, Labels.of("url", q.name()), value.applyAsDouble(q)));
        }
        return new MetricFamily(name, type, help, samples);
    }
}
