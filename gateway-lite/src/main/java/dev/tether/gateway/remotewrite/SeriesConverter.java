package dev.tether.gateway.remotewrite;

import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.RenderedFamily;
import dev.tether.gateway.store.RenderedSamples;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.push.PushProtocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns queued {@link HostEvent}s into remote-write series: labels sorted, {@code __name__} included. */
final class SeriesConverter {
    static final String HOST_UP = "tether_host_up";

    private SeriesConverter() {
    }

    static void convert(HostEvent e, List<TimeSeries> out) {
        long t = e.timeMillis();
        String[] up = sorted("__name__", HOST_UP, PushProtocol.HOST_LABEL, e.host());
        switch (e.kind()) {
            case PUSHED -> {
                Set<List<String>> now = new HashSet<>();
                for (RenderedFamily f : e.snapshot().families()) {
                    for (Sample s : RenderedSamples.of(f)) {
                        String[] labels = labels(s);
                        if (e.previous() != null) {
                            now.add(Arrays.asList(labels));
                        }
                        out.add(new TimeSeries(labels, Double.doubleToRawLongBits(s.value()), t));
                    }
                }
                if (e.previous() != null) {
                    // Series the host no longer pushes end now, as they would at a scrape.
                    for (String[] labels : labels(e.previous())) {
                        if (!now.contains(Arrays.asList(labels))) {
                            out.add(new TimeSeries(labels, TimeSeries.STALE_NAN_BITS, t));
                        }
                    }
                }
                out.add(new TimeSeries(up, Double.doubleToRawLongBits(1), t));
            }
            case LAPSED, ENDED -> {
                if (e.snapshot() != null) {
                    for (String[] labels : labels(e.snapshot())) {
                        out.add(new TimeSeries(labels, TimeSeries.STALE_NAN_BITS, t));
                    }
                }
                long upBits = e.kind() == HostEvent.Kind.LAPSED ? Double.doubleToRawLongBits(0) : TimeSeries.STALE_NAN_BITS;
                out.add(new TimeSeries(up, upBits, t));
            }
            default -> throw new IllegalStateException("unknown event " + e.kind());
        }
    }

    private static List<String[]> labels(HostSnapshot s) {
        List<String[]> out = new ArrayList<>(s.series());
        for (RenderedFamily f : s.families()) {
            for (Sample sample : RenderedSamples.of(f)) {
                out.add(labels(sample));
            }
        }
        return out;
    }

    private static String[] labels(Sample s) {
        Labels l = s.labels();
        String[] out = new String[2 * l.size() + 2];
        out[0] = "__name__";
        out[1] = s.name();
        for (int i = 0; i < l.size(); i++) {
            out[2 + 2 * i] = l.name(i);
            out[3 + 2 * i] = l.value(i);
        }
        return sortPairs(out);
    }

    private static String[] sorted(String... pairs) {
        return sortPairs(pairs.clone());
    }

    /** Sorts name/value pairs by name (insertion sort: label sets are small). */
    private static String[] sortPairs(String[] p) {
        for (int i = 2; i < p.length; i += 2) {
            String name = p[i];
            String value = p[i + 1];
            int j = i - 2;
            while (j >= 0 && p[j].compareTo(name) > 0) {
                p[j + 2] = p[j];
                p[j + 3] = p[j + 1];
                j -= 2;
            }
            p[j + 2] = name;
            p[j + 3] = value;
        }
        return p;
    }
}
