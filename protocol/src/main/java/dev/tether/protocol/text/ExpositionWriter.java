package dev.tether.protocol.text;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.Sample;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes families in text 0.0.4 or OpenMetrics. Families are first put into the target format's
 * convention with {@link FormatConversion}; for families the parser read in the same format that is
 * the identity, so {@code parse(write(x)) == x}.
 *
 * <p>The building blocks ({@link #writeHeader}, {@link #writeSample}, {@link #writeEof}) let a server
 * render each family's header once and append samples pre-rendered per source.
 */
public final class ExpositionWriter {
    private ExpositionWriter() {
    }

    /** The whole exposition as a string, ending with {@code # EOF} in OpenMetrics. */
    public static String write(List<MetricFamily> families, ExpositionFormat format) {
        StringBuilder sb = new StringBuilder(families.size() * 256);
        write(families, format, sb);
        return sb.toString();
    }

    /** The whole exposition as UTF-8 bytes. */
    public static byte[] writeUtf8(List<MetricFamily> families, ExpositionFormat format) {
        return write(families, format).getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the whole exposition to {@code sb}. */
    public static void write(List<MetricFamily> families, ExpositionFormat format, StringBuilder sb) {
        Set<String> names = Set.of();
        if (format == ExpositionFormat.OPENMETRICS) {
            names = new HashSet<>();
            for (MetricFamily f : families) {
                names.add(f.name());
            }
        }
        for (MetricFamily f : families) {
            if (format == ExpositionFormat.OPENMETRICS) {
                writeFamily(FormatConversion.forOpenMetrics(f, names), format, sb);
            } else {
                for (MetricFamily g : FormatConversion.forText004(f)) {
                    writeFamily(g, format, sb);
                }
            }
        }
        writeEof(format, sb);
    }

    private static void writeFamily(MetricFamily f, ExpositionFormat format, StringBuilder sb) {
        writeHeader(f, format, sb);
        for (Sample s : f.samples()) {
            writeSample(s, format, sb);
        }
    }

    /**
     * Appends the HELP, TYPE (and in OpenMetrics, UNIT) lines of {@code f}, which must already be in
     * the format's convention ({@link FormatConversion}).
     */
    public static void writeHeader(MetricFamily f, ExpositionFormat format, StringBuilder sb) {
        boolean om = format == ExpositionFormat.OPENMETRICS;
        if (f.help() != null) {
            sb.append("# HELP ").append(f.name()).append(' ');
            escapeHelp(f.help(), om, sb);
            sb.append('\n');
        }
        // A type text 0.0.4 lacks (a family not converted first) is written as untyped, never as "null".
        String type = om ? f.type().openMetricsName() : f.type().textName();
        sb.append("# TYPE ").append(f.name()).append(' ').append(type == null ? "untyped" : type).append('\n');
        if (om && f.unit() != null) {
            sb.append("# UNIT ").append(f.name()).append(' ').append(f.unit()).append('\n');
        }
    }

    /** Appends one sample line. */
    public static void writeSample(Sample s, ExpositionFormat format, StringBuilder sb) {
        sb.append(s.name());
        writeLabels(s.labels(), sb);
        sb.append(' ');
        writeDouble(s.value(), sb);
        if (s.hasTimestamp()) {
            sb.append(' ');
            if (format == ExpositionFormat.OPENMETRICS) {
                writeSeconds(s.timestampMillis(), sb);
            } else {
                sb.append(s.timestampMillis());
            }
        }
        sb.append('\n');
    }

    /** Appends {@code # EOF} for OpenMetrics; nothing for text 0.0.4. */
    public static void writeEof(ExpositionFormat format, StringBuilder sb) {
        if (format == ExpositionFormat.OPENMETRICS) {
            sb.append("# EOF\n");
        }
    }

    /** Appends {@code {a="1",b="2"}}, or nothing for no labels. */
    public static void writeLabels(Labels labels, StringBuilder sb) {
        if (labels.isEmpty()) {
            return;
        }
        sb.append('{');
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(labels.name(i)).append("=\"");
            escapeLabelValue(labels.value(i), sb);
            sb.append('"');
        }
        sb.append('}');
    }

    /** Appends a float so that the parser reads back the same bits: {@code +Inf}, {@code NaN}, {@code 1.0}. */
    public static void writeDouble(double v, StringBuilder sb) {
        if (v == Double.POSITIVE_INFINITY) {
            sb.append("+Inf");
        } else if (v == Double.NEGATIVE_INFINITY) {
            sb.append("-Inf");
        } else if (Double.isNaN(v)) {
            sb.append("NaN");
        } else if (v != 0 && v == (long) v && Math.abs(v) < 1e15) {
            sb.append((long) v).append(".0");
        } else {
            sb.append(Double.toString(v));
        }
    }

    private static void writeSeconds(long millis, StringBuilder sb) {
        // Sign first, then the magnitude: -1500 ms is -1.5 s (floorDiv/floorMod would give "-2.500").
        if (millis < 0) {
            sb.append('-');
        }
        long seconds = Math.abs(millis / 1000L);
        long rest = Math.abs(millis % 1000L);
        sb.append(seconds);
        if (rest != 0) {
            // Milliseconds as a fraction without trailing zeros: 1.5, 1.05, 1.005.
            sb.append('.').append((char) ('0' + rest / 100));
            rest %= 100;
            if (rest != 0) {
                sb.append((char) ('0' + rest / 10));
                rest %= 10;
                if (rest != 0) {
                    sb.append((char) ('0' + rest));
                }
            }
        }
    }

    private static void escapeLabelValue(String v, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\':
                    sb.append("\\\\");
                    break;
                case '"':
                    sb.append("\\\"");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                default:
                    sb.append(c);
            }
        }
    }

    private static void escapeHelp(String v, boolean om, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '"' && om) {
                sb.append("\\\"");
            } else {
                sb.append(c);
            }
        }
    }
}
