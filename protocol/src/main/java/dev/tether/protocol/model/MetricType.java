package dev.tether.protocol.model;

/**
 * The type of a metric family, with its spelling in each text format.
 * Types that the Prometheus text format 0.0.4 lacks have a {@code null} text name; the writer
 * converts them (see {@link dev.tether.protocol.text.FormatConversion}).
 */
public enum MetricType {
    COUNTER("counter", "counter"),
    GAUGE("gauge", "gauge"),
    HISTOGRAM("histogram", "histogram"),
    SUMMARY("summary", "summary"),
    /** {@code untyped} in text 0.0.4, {@code unknown} in OpenMetrics. */
    UNKNOWN("untyped", "unknown"),
    GAUGE_HISTOGRAM(null, "gaugehistogram"),
    INFO(null, "info"),
    STATESET(null, "stateset");

    private final String textName;
    private final String openMetricsName;

    MetricType(String textName, String openMetricsName) {
        this.textName = textName;
        this.openMetricsName = openMetricsName;
    }

    /** The name in text format 0.0.4, or {@code null} when that format has no such type. */
    public String textName() {
        return textName;
    }

    /** The name in OpenMetrics text. */
    public String openMetricsName() {
        return openMetricsName;
    }

    /** The type named {@code name} in text 0.0.4, or {@code null} if there is none. */
    public static MetricType fromTextName(String name) {
        for (MetricType t : values()) {
            if (name.equals(t.textName)) {
                return t;
            }
        }
        return null;
    }

    /** The type named {@code name} in OpenMetrics, or {@code null} if there is none. */
    public static MetricType fromOpenMetricsName(String name) {
        for (MetricType t : values()) {
            if (t.openMetricsName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
