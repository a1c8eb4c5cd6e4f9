package dev.tether.gateway.metrics;

import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.HostState;
import dev.tether.gateway.store.StoreView;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.push.PushProtocol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-host liveness series and the store gauges, computed from one {@link StoreView}: the part
 * of {@code /metrics} the Pushgateway cannot give. Left hosts emit nothing: they said goodbye.
 */
public final class LivenessFamilies {
    private LivenessFamilies() {
    }

    /** The families, in the text 0.0.4 convention. */
    public static List<MetricFamily> of(StoreView view, long expirations) {
        List<Sample> up = new ArrayList<>();
        List<Sample> paused = new ArrayList<>();
        List<Sample> lastPush = new ArrayList<>();
        List<Sample> ttl = new ArrayList<>();
        Map<HostState, Integer> byState = new EnumMap<>(HostState.class);
        for (HostState s : HostState.values()) {
            byState.put(s, 0);
        }
        long series = 0;
        for (HostRecord r : view.records()) {
            HostState state = r.state(view.now());
            byState.merge(state, 1, Integer::sum);
            if (state == HostState.LEFT) {
                continue;
            }
            Labels host = Labels.of(PushProtocol.HOST_LABEL, r.host());
            if (state != HostState.PAUSED) {
                up.add(new Sample("tether_host_up", host, state == HostState.UP ? 1 : 0));
            }
            paused.add(new Sample("tether_host_paused", host, state == HostState.PAUSED ? 1 : 0));
            if (r.lastPush() != null) {
                lastPush.add(new Sample("tether_host_last_push_timestamp_seconds", host, r.lastPush().toEpochMilli() / 1000.0));
            }
            if (r.ttl() != null) {
                ttl.add(new Sample("tether_host_ttl_seconds", host, r.ttl().toMillis() / 1000.0));
            }
            HostSnapshot live = r.liveSnapshot(view.now());
            if (live != null) {
                series += live.series();
            }
        }
        List<MetricFamily> out = new ArrayList<>();
        out.add(new MetricFamily("tether_host_up", MetricType.GAUGE,
                "1 while the host's heartbeat TTL holds, 0 after it lapsed (kept for the retention).", up));
        out.add(new MetricFamily("tether_host_paused", MetricType.GAUGE, "1 while the host is paused.", paused));
        out.add(new MetricFamily("tether_host_last_push_timestamp_seconds", MetricType.GAUGE,
                "When the host last pushed, in seconds since the epoch.", lastPush));
        out.add(new MetricFamily("tether_host_ttl_seconds", MetricType.GAUGE, "The TTL granted to the host's last push.", ttl));
        List<Sample> hosts = new ArrayList<>();
        for (Map.Entry<HostState, Integer> e : byState.entrySet()) {
            hosts.add(new Sample("tether_gateway_hosts", Labels.of("state", e.getKey().apiName()), e.getValue()));
        }
        out.add(new MetricFamily("tether_gateway_hosts", MetricType.GAUGE, "Hosts by state.", hosts));
        out.add(new MetricFamily("tether_gateway_series", MetricType.GAUGE, "Series served from live hosts.",
                List.of(new Sample("tether_gateway_series", Labels.EMPTY, series))));
        out.add(new MetricFamily("tether_gateway_expirations_total", MetricType.COUNTER,
                "Hosts whose TTL or pause ran out without a push.",
                List.of(new Sample("tether_gateway_expirations_total", Labels.EMPTY, expirations))));
        return out;
    }
}
