package dev.tether.gateway.metrics;

import dev.tether.gateway.store.GroupRecord;
import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.RenderedFamily;
import dev.tether.gateway.store.StoreView;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionWriter;
import dev.tether.protocol.text.FormatConversion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes {@code /metrics}: the live hosts' families merged by name (one header each, the newest
 * HELP), then extra families such as liveness and self metrics. Only headers are formatted here;
 * sample lines are copied from each host's pre-rendered bytes, so a scrape costs a copy of the
 * output, not a formatting pass over every sample.
 */
public final class ExpositionRenderer {
    private ExpositionRenderer() {
    }

    private static final class Group {
        final MetricType type;
        final List<RenderedFamily> members = new ArrayList<>();
        RenderedFamily newest;
        long newestPush = Long.MIN_VALUE;

        Group(MetricType type) {
            this.type = type;
        }
    }

    /**
     * @param extra families in the text 0.0.4 convention, written after the pushed ones
     */
    public static void write(StoreView view, List<MetricFamily> extra, ExpositionFormat format, OutputStream out)
            throws IOException {
        write(view, List.of(), extra, format, out);
    }

    /**
     * @param pushGroups the Pushgateway groups, read at the same instant as {@code view}; their live
     *     families merge with the hosts' by name
     * @param extra families in the text 0.0.4 convention, written after the pushed ones
     */
    public static void write(StoreView view, List<GroupRecord> pushGroups, List<MetricFamily> extra,
                             ExpositionFormat format, OutputStream out) throws IOException {
        Map<String, Group> groups = new TreeMap<>();
        for (HostRecord r : view.records()) {
            HostSnapshot s = r.liveSnapshot(view.now());
            if (s != null) {
                collect(groups, s, r.lastPush().toEpochMilli());
            }
        }
        for (GroupRecord r : pushGroups) {
            HostSnapshot s = r.liveSnapshot(view.now());
            if (s != null) {
                collect(groups, s, r.pushTime() == null ? Long.MIN_VALUE : r.pushTime().toEpochMilli());
            }
        }
        writeMerged(groups, extra, format, out);
    }

    private static void collect(Map<String, Group> groups, HostSnapshot s, long pushed) {
        for (RenderedFamily f : s.families()) {
            Group g = groups.computeIfAbsent(f.name(), k -> new Group(f.type()));
            if (g.type != f.type()) {
                // The store refuses conflicts among live hosts and groups; this only guards a race with a lapse.
                continue;
            }
            g.members.add(f);
            if (pushed >= g.newestPush && f.help() != null) {
                g.newestPush = pushed;
                g.newest = f;
            }
        }
    }

    private static void writeMerged(Map<String, Group> groups, List<MetricFamily> extra, ExpositionFormat format,
                                    OutputStream out) throws IOException {
        boolean om = format == ExpositionFormat.OPENMETRICS;
        Set<String> written = new HashSet<>();
        StringBuilder sb = new StringBuilder(256);
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            Group g = e.getValue();
            String help = g.newest == null ? null : g.newest.help();
            String unit = g.newest == null ? null : g.newest.unit();
            MetricFamily header = headerFamily(e.getKey(), g.type, help, unit, om);
            if (!written.add(header.name())) {
                // Two text-format families that OpenMetrics would give one name (gauge foo and
                // counter foo_total): a second header would make the exposition invalid.
                continue;
            }
            sb.setLength(0);
            ExpositionWriter.writeHeader(header, format, sb);
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            for (RenderedFamily f : g.members) {
                out.write(f.samples());
            }
        }
        sb.setLength(0);
        for (MetricFamily f : extra) {
            if (om) {
                MetricFamily g = FormatConversion.forOpenMetrics(f);
                if (written.add(g.name())) {
                    writeFamily(g, format, sb);
                }
            } else {
                for (MetricFamily g : FormatConversion.forText004(f)) {
                    if (written.add(g.name())) {
                        writeFamily(g, format, sb);
                    }
                }
            }
        }
        ExpositionWriter.writeEof(format, sb);
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MetricFamily headerFamily(String name, MetricType type, String help, String unit, boolean om) {
        if (!om) {
            return new MetricFamily(name, type, help, null, List.of());
        }
        // Stored counters follow text 0.0.4 (samples named like the family); one probe sample is
        // enough for the conversion to pick the OpenMetrics name.
        List<Sample> probe = type == MetricType.COUNTER ? List.of(new Sample(name, Labels.EMPTY, 0)) : List.of();
        MetricFamily f = FormatConversion.forOpenMetrics(new MetricFamily(name, type, help, unit, probe));
        String omUnit = unit != null && f.name().endsWith("_" + unit) ? unit : null;
        return new MetricFamily(f.name(), f.type(), f.help(), omUnit, List.of());
    }

    private static void writeFamily(MetricFamily f, ExpositionFormat format, StringBuilder sb) {
        ExpositionWriter.writeHeader(f, format, sb);
        for (Sample s : f.samples()) {
            ExpositionWriter.writeSample(s, format, sb);
        }
    }
}
