package dev.tether.gateway.pushgateway;

import dev.tether.gateway.http.Responses;
import dev.tether.gateway.metrics.GroupFamilies;
import dev.tether.gateway.store.GroupRecord;
import dev.tether.gateway.store.GroupStore;
import dev.tether.gateway.store.GroupView;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.RenderedFamily;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ParseException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/metrics}: the groups in the Pushgateway's JSON status shape,
 * {@code {"status":"success","data":[{"labels":{...},"last_push_successful":true,
 * "push_time_seconds":{...},"<family>":{"time_stamp","type","help","metrics":[...]}}]}}; a metric is
 * {@code {"labels","value"}}, or for histograms {@code {"labels","buckets","count","sum"}} and for
 * summaries {@code {"labels","quantiles","count","sum"}}. Values are strings formatted as Go does, and
 * {@code help} is left out when there is none, as there. Every family
 * of a group carries the group's last push time (the gateway keeps no time per family). Groups whose
 * TTL ran out are listed without families.
 */
public final class GroupStatusHandler implements HttpHandler {
    private final GroupStore store;

    public GroupStatusHandler(GroupStore store) {
        this.store = store;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        GroupView view = store.view();
        List<Object> data = new ArrayList<>();
        for (GroupRecord g : view.groups()) {
            data.add(describe(g, view.now()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", "success");
        answer.put("data", data);
        Responses.json(ex, 200, answer);
    }

    /** One group as in the JSON status (for a status page). */
    public static Map<String, Object> describe(GroupRecord g, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("labels", g.key().toMap());
        out.put("last_push_successful", g.failureTime() == null
                || (g.pushTime() != null && !g.pushTime().isBefore(g.failureTime())));
        String pushed = Responses.time(g.pushTime() == null ? Instant.EPOCH : g.pushTime());
        Labels labels = GroupFamilies.seriesLabels(g.key());
        out.put("push_time_seconds", family(pushed, MetricType.GAUGE,
                "Last Unix time when changing this group in the Pushgateway succeeded.",
                List.of(new Sample("push_time_seconds", labels, seconds(g.pushTime())))));
        out.put("push_failure_time_seconds", family(pushed, MetricType.GAUGE,
                "Last Unix time when changing this group in the Pushgateway failed.",
                List.of(new Sample("push_failure_time_seconds", labels, seconds(g.failureTime())))));
        HostSnapshot live = g.liveSnapshot(now);
        if (live != null) {
            for (RenderedFamily f : live.families()) {
                MetricFamily parsed = reparse(f);
                out.put(f.name(), family(pushed, f.type(), f.help(), parsed.samples()));
            }
        }
        return out;
    }

    /** The stored sample lines read back into samples (a status page may cost a parse; a push may not). */
    private static MetricFamily reparse(RenderedFamily f) {
        ByteArrayOutputStream text = new ByteArrayOutputStream(f.samples().length + 64);
        String header = "# TYPE " + f.name() + " " + f.type().textName() + "\n";
        text.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        text.writeBytes(f.samples());
        try {
            List<MetricFamily> families = ExpositionParser.parse(text.toByteArray(), ExpositionFormat.TEXT_004);
            return families.isEmpty() ? new MetricFamily(f.name(), f.type(), f.help(), List.of()) : families.get(0);
        } catch (ParseException e) {
            throw new IllegalStateException("stored lines of " + f.name() + " do not parse: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> family(String time, MetricType type, String help, List<Sample> samples) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time_stamp", time);
        out.put("type", type == MetricType.UNKNOWN ? "UNTYPED" : type.name());
        if (help != null && !help.isEmpty()) {
            out.put("help", help);
        }
        Map<Labels, Map<String, Object>> metrics = new LinkedHashMap<>();
        for (Sample s : samples) {
            Labels labels = s.labels().without("le").without("quantile");
            Map<String, Object> m = metrics.computeIfAbsent(labels, k -> {
                Map<String, Object> n = new LinkedHashMap<>();
                n.put("labels", k.toMap());
                return n;
            });
            String value = ProtobufFormat.goFloat(s.value());
            if (type == MetricType.HISTOGRAM || type == MetricType.SUMMARY) {
                if (s.name().endsWith("_sum")) {
                    m.put("sum", value);
                } else if (s.name().endsWith("_count")) {
                    m.put("count", value);
                } else if (s.labels().contains("le")) {
                    bucketMap(m, "buckets").put(bound(s.labels().get("le")), value);
                } else if (s.labels().contains("quantile")) {
                    bucketMap(m, "quantiles").put(bound(s.labels().get("quantile")), value);
                }
            } else {
                m.put("value", value);
            }
        }
        out.put("metrics", new ArrayList<>(metrics.values()));
        return out;
    }

    /** A bucket bound or quantile as the Pushgateway writes it (it parsed the float): {@code 1.0} is {@code 1}. */
    private static String bound(String label) {
        try {
            return ProtobufFormat.goFloat(Double.parseDouble(label.equals("+Inf") ? "Infinity" : label));
        } catch (NumberFormatException e) {
            return label;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> bucketMap(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }

    private static double seconds(Instant t) {
        return t == null ? 0 : t.toEpochMilli() / 1000.0;
    }
}
