package dev.tether.protocol.text;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts families between the two text formats' conventions. Sample names are never changed, so a
 * series keeps its identity in Prometheus whichever format carried it; only family names and types
 * are adapted.
 *
 * <ul>
 *   <li>To text 0.0.4, as the Prometheus client libraries do: an OpenMetrics counter {@code foo} with
 *   samples {@code foo_total} becomes the counter {@code foo_total}; {@code _created} samples become
 *   a gauge family of their own; info, stateset and gauge-histogram families become gauges, one per
 *   sample name.</li>
 *   <li>To OpenMetrics: a 0.0.4 counter {@code foo_total} becomes the counter {@code foo}; a counter
 *   whose name lacks {@code _total} becomes {@code unknown}, since OpenMetrics would need its samples
 *   renamed.</li>
 * </ul>
 *
 * Families already in a format's convention are returned as they are, which is what makes
 * {@code parse(write(x)) == x} hold.
 */
public final class FormatConversion {
    private FormatConversion() {
    }

    /** The families that represent {@code f} in text 0.0.4: usually just {@code f}. */
    public static List<MetricFamily> forText004(MetricFamily f) {
        switch (f.type()) {
            case GAUGE:
            case UNKNOWN:
                return List.of(f);
            case COUNTER:
                if (allNamed(f, f.name())) {
                    return List.of(f);
                }
                return splitByName(f, MetricType.COUNTER);
            case HISTOGRAM:
            case SUMMARY:
                if (!hasName(f, f.name() + "_created")) {
                    return List.of(f);
                }
                return splitCreated(f);
            default:
                return splitByName(f, MetricType.GAUGE);
        }
    }

    /** The family that represents {@code f} in OpenMetrics: usually {@code f} itself. */
    public static MetricFamily forOpenMetrics(MetricFamily f) {
        return forOpenMetrics(f, Set.of());
    }

    /**
     * As {@link #forOpenMetrics(MetricFamily)}, for {@code f} written beside families named
     * {@code otherNames}: a 0.0.4 counter {@code foo_total} stays {@code unknown} when becoming the
     * counter {@code foo} would clash with a family {@code foo} or {@code foo_created} of the same
     * exposition (OpenMetrics gives both names to the counter).
     */
    public static MetricFamily forOpenMetrics(MetricFamily f, Set<String> otherNames) {
        if (f.type() != MetricType.COUNTER) {
            return f;
        }
        String total = f.name() + "_total";
        String created = f.name() + "_created";
        boolean openMetricsShaped = true;
        for (Sample s : f.samples()) {
            if (!s.name().equals(total) && !s.name().equals(created)) {
                openMetricsShaped = false;
                break;
            }
        }
        if (openMetricsShaped) {
            return f;
        }
        if (f.name().endsWith("_total") && f.name().length() > 6 && allNamed(f, f.name())) {
            String base = f.name().substring(0, f.name().length() - 6);
            if (!otherNames.contains(base) && !otherNames.contains(base + "_created")) {
                return new MetricFamily(base, MetricType.COUNTER, f.help(), f.unit(), f.samples());
            }
        }
        return new MetricFamily(f.name(), MetricType.UNKNOWN, f.help(), f.unit(), f.samples());
    }

    private static boolean allNamed(MetricFamily f, String name) {
        for (Sample s : f.samples()) {
            if (!s.name().equals(name)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasName(MetricFamily f, String name) {
        for (Sample s : f.samples()) {
            if (s.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** One family per sample name; {@code _created} samples always become gauges. */
    private static List<MetricFamily> splitByName(MetricFamily f, MetricType type) {
        Map<String, List<Sample>> byName = new LinkedHashMap<>();
        for (Sample s : f.samples()) {
            byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
        }
        List<MetricFamily> out = new ArrayList<>(byName.size());
        String created = f.name() + "_created";
        for (Map.Entry<String, List<Sample>> e : byName.entrySet()) {
            MetricType t = e.getKey().equals(created) ? MetricType.GAUGE : type;
            out.add(new MetricFamily(e.getKey(), t, f.help(), null, e.getValue()));
        }
        return out;
    }

    private static List<MetricFamily> splitCreated(MetricFamily f) {
        String created = f.name() + "_created";
        List<Sample> main = new ArrayList<>();
        List<Sample> createdSamples = new ArrayList<>();
        for (Sample s : f.samples()) {
            (s.name().equals(created) ? createdSamples : main).add(s);
        }
        return List.of(new MetricFamily(f.name(), f.type(), f.help(), null, main),
                new MetricFamily(created, MetricType.GAUGE, f.help(), null, createdSamples));
    }
}
