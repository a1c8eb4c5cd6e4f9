package dev.tether.protocol.model;

import java.util.List;
import java.util.Objects;

/**
 * A metric family: a name, a type, optional help and unit, and its samples in exposition order.
 * Which sample names fit which type is the format's business and is checked by the parser.
 */
public final class MetricFamily {
    private final String name;
    private final MetricType type;
    private final String help;
    private final String unit;
    private final List<Sample> samples;

    /**
     * @param help the HELP text, or {@code null} when the exposition had none
     * @param unit the OpenMetrics UNIT, or {@code null}
     */
    public MetricFamily(String name, MetricType type, String help, String unit, List<Sample> samples) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.help = help;
        this.unit = unit;
        this.samples = List.copyOf(samples);
    }

    public MetricFamily(String name, MetricType type, String help, List<Sample> samples) {
        this(name, type, help, null, samples);
    }

    public String name() {
        return name;
    }

    public MetricType type() {
        return type;
    }

    /** The HELP text, or {@code null}. */
    public String help() {
        return help;
    }

    /** The OpenMetrics UNIT, or {@code null}. */
    public String unit() {
        return unit;
    }

    public List<Sample> samples() {
        return samples;
    }

    public MetricFamily withSamples(List<Sample> newSamples) {
        return new MetricFamily(name, type, help, unit, newSamples);
    }

    public MetricFamily withHelp(String newHelp) {
        return new MetricFamily(name, type, newHelp, unit, samples);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MetricFamily)) {
            return false;
        }
        MetricFamily f = (MetricFamily) o;
        return name.equals(f.name) && type == f.type && Objects.equals(help, f.help)
                && Objects.equals(unit, f.unit) && samples.equals(f.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, help, unit, samples);
    }

    @Override
    public String toString() {
        return "MetricFamily{" + name + " " + type + ", " + samples.size() + " samples}";
    }
}
