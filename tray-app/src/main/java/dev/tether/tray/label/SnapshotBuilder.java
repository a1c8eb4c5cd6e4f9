package dev.tether.tray.label;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges the families of several sources into one consistent snapshot. The first source to name a
 * family fixes its type; a later family with the same name and another type, or one whose sample
 * names would collide with another family's (a gauge {@code foo_count} beside a histogram
 * {@code foo}), is dropped whole and recorded as a {@link TypeConflict}. A series (name and labels)
 * seen twice keeps its first sample. Families must already be in text 0.0.4 conventions.
 * Single-use, not thread-safe.
 */
public final class SnapshotBuilder {
    private final Map<String, Entry> families = new LinkedHashMap<>();
    /** Which family owns each sample name, so that families cannot shadow each other's series. */
    private final Map<String, String> sampleOwners = new HashMap<>();
    private final Set<SeriesKey> series = new HashSet<>();
    private final List<TypeConflict> conflicts = new ArrayList<>();
    private int duplicates;

    /**
     * Adds one family from {@code source}.
     *
     * @return how many of its samples were taken (0 when the family was dropped)
     */
    public int add(MetricFamily f, String source) {
        Entry e = families.get(f.name());
        if (e != null && e.type != f.type()) {
            conflicts.add(new TypeConflict(f.name(), source, typeName(f.type()), e.source, typeName(e.type)));
            return 0;
        }
        for (String sampleName : sampleNames(f)) {
            String owner = sampleOwners.get(sampleName);
            if (owner != null && !owner.equals(f.name())) {
                Entry o = families.get(owner);
                conflicts.add(new TypeConflict(f.name(), source, typeName(f.type()), o.source,
                        typeName(o.type) + " " + owner));
                return 0;
            }
        }
        if (e == null) {
            e = new Entry(f, source);
            families.put(f.name(), e);
            for (String sampleName : sampleNames(f)) {
                sampleOwners.put(sampleName, f.name());
            }
        }
        int taken = 0;
        for (Sample s : f.samples()) {
            if (series.add(new SeriesKey(s.name(), s.labels()))) {
                e.samples.add(s.hasTimestamp() ? s.withoutTimestamp() : s);
                taken++;
            } else {
                duplicates++;
            }
        }
        return taken;
    }

    /** Adds every family of a source; returns the samples taken. */
    public int addAll(List<MetricFamily> fs, String source) {
        int n = 0;
        for (MetricFamily f : fs) {
            n += add(f, source);
        }
        return n;
    }

    /** Families dropped for conflicts so far. */
    public int conflictCount() {
        return conflicts.size();
    }

    public Snapshot build() {
        List<MetricFamily> out = new ArrayList<>(families.size());
        for (Entry e : families.values()) {
            out.add(new MetricFamily(e.name, e.type, e.help, e.samples));
        }
        return new Snapshot(out, series.size(), conflicts, duplicates);
    }

    /** The sample names a family writes, including those its type could write later. */
    private static Set<String> sampleNames(MetricFamily f) {
        Set<String> names = new HashSet<>();
        for (Sample s : f.samples()) {
            names.add(s.name());
        }
        if (f.type() == MetricType.HISTOGRAM) {
            names.add(f.name() + "_bucket");
            names.add(f.name() + "_count");
            names.add(f.name() + "_sum");
        } else if (f.type() == MetricType.SUMMARY) {
            names.add(f.name());
            names.add(f.name() + "_count");
            names.add(f.name() + "_sum");
        } else {
            names.add(f.name());
        }
        return names;
    }

    private static String typeName(MetricType t) {
        return t.textName() != null ? t.textName() : t.openMetricsName();
    }

    private static final class Entry {
        final String name;
        final MetricType type;
        final String help;
        final String source;
        final List<Sample> samples = new ArrayList<>();

        Entry(MetricFamily f, String source) {
            this.name = f.name();
            this.type = f.type();
            this.help = f.help();
            this.source = source;
        }
    }

    private record SeriesKey(String name, Labels labels) {
        SeriesKey {
            Objects.requireNonNull(name);
        }
    }
}
