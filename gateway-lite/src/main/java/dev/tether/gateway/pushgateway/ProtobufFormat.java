package dev.tether.gateway.pushgateway;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Names;
import dev.tether.protocol.model.Sample;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The Pushgateway's binary push format: varint-delimited {@code io.prometheus.client.MetricFamily}
 * messages ({@code application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily;
 * encoding=delimited}), decoded by hand for the fields of the public {@code metrics.proto} that the
 * text format can carry: name, help, type, and each metric's labels, gauge, counter, summary,
 * untyped, histogram (classic buckets) and {@code timestamp_ms}. Unknown fields are skipped;
 * native-histogram fields are skipped, so a histogram without classic buckets keeps only its
 * {@code +Inf} bucket, sum and count.
 *
 * <p>Families come out in the text 0.0.4 convention, as the Pushgateway's text output writes them:
 * a histogram's {@code _bucket} lines (with {@code +Inf} added when missing), {@code _sum} and
 * {@code _count}; a summary's quantiles, {@code _sum} and {@code _count}; {@code le} and
 * {@code quantile} values formatted as Go does.
 *
 * <p>Bounded: each message is at most {@code maxMessageBytes} (and read as it arrives, so a length
 * that lies costs no allocation), at most {@code maxSamples} samples in all, and nesting is fixed by
 * the schema (family, metric, value, bucket or quantile): unknown nested messages are skipped, never
 * descended into. Group wire types are refused.
 */
public final class ProtobufFormat {
    private static final String MEDIA_TYPE = "application/vnd.google.protobuf";

    private ProtobufFormat() {
    }

    /** A body that is not a valid delimited {@code MetricFamily} stream. */
    public static class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** More samples than allowed: the push is too large rather than malformed. */
    public static final class TooManySamplesException extends MalformedException {
        private static final long serialVersionUID = 1L;

        TooManySamplesException(String message) {
            super(message);
        }
    }

    /**
     * Whether {@code contentType} names the delimited protobuf format (the Pushgateway's test: the
     * media type, {@code proto=io.prometheus.client.MetricFamily} and {@code encoding=delimited}).
     */
    public static boolean isProtobuf(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase(MEDIA_TYPE)) {
            return false;
        }
        boolean proto = false;
        boolean delimited = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String k = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String v = p.substring(eq + 1).trim().replace("\"", "");
            proto |= k.equals("proto") && v.equals("io.prometheus.client.MetricFamily");
            delimited |= k.equals("encoding") && v.equals("delimited");
        }
        return proto && delimited;
    }

    /**
     * Reads every message of {@code in} and hands each family to {@code sink}.
     *
     * @throws MalformedException on a malformed or over-limit stream
     */
    public static void parse(InputStream in, long maxMessageBytes, int maxSamples, Consumer<MetricFamily> sink)
            throws IOException, MalformedException {
        int[] samples = {0};
        int index = 0;
        while (true) {
            long length = readDelimiter(in, index);
            if (length < 0) {
                return;
            }
            index++;
            if (length > maxMessageBytes || length > Integer.MAX_VALUE - 8) {
                throw new MalformedException("message " + index + " claims " + length + " bytes, over the limit of "
                        + maxMessageBytes);
            }
            byte[] message = in.readNBytes((int) length);
            if (message.length < length) {
                throw new MalformedException("message " + index + " ends after " + message.length + " of its "
                        + length + " bytes");
            }
            try {
                sink.accept(new Decoder(message, maxSamples, samples).family());
            } catch (TooManySamplesException e) {
                throw e;
            } catch (MalformedException e) {
                throw new MalformedException("message " + index + ": " + e.getMessage());
            }
        }
    }

    /** The varint before a message, or -1 at a clean end of the stream. */
    private static long readDelimiter(InputStream in, int index) throws IOException, MalformedException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0) {
                    return -1;
                }
                throw new MalformedException("the length of message " + (index + 1) + " is cut short");
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedException("the length of message " + (index + 1) + " is not a valid varint");
    }

    /** Decodes one {@code MetricFamily} message from a byte range. */
    private static final class Decoder {
        private final byte[] buf;
        private final int maxSamples;
        private final int[] samples;
        private int pos;

        Decoder(byte[] buf, int maxSamples, int[] samples) {
            this.buf = buf;
            this.maxSamples = maxSamples;
            this.samples = samples;
        }

        /** A parsed metric before it becomes samples. */
        private static final class Metric {
            Labels labels = Labels.EMPTY;
            List<String> labelNames = new ArrayList<>();
            List<String> labelValues = new ArrayList<>();
            Double gauge;
            Double counter;
            Double untyped;
            long count;
            double sum;
            boolean summary;
            boolean histogram;
            List<double[]> points = new ArrayList<>(); // quantile/value or upper bound/cumulative count
            long timestamp = Sample.NO_TIMESTAMP;
        }

        MetricFamily family() throws MalformedException {
            String name = null;
            String help = null;
            int type = 3; // UNTYPED when absent
            List<Metric> metrics = new ArrayList<>();
            int end = buf.length;
            while (pos < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                switch (field) {
                    case 1 -> name = string(wire);
                    case 2 -> help = string(wire);
                    case 3 -> type = (int) integer(wire);
                    case 4 -> metrics.add(metric(length(wire)));
                    default -> skip(wire);
                }
            }
            if (name == null || !Names.isValidMetricName(name)) {
                throw new MalformedException("invalid metric name '" + (name == null ? "" : name) + "'");
            }
            MetricType t = switch (type) {
                case 0 -> MetricType.COUNTER;
                case 1 -> MetricType.GAUGE;
                case 2 -> MetricType.SUMMARY;
                case 3 -> MetricType.UNKNOWN;
                case 4 -> MetricType.HISTOGRAM;
                default -> throw new MalformedException("metric family '" + name + "' has unsupported type " + type);
            };
            List<Sample> out = new ArrayList<>();
            for (Metric m : metrics) {
                m.labels = labels(name, m);
                switch (t) {
                    case COUNTER -> add(out, name, m.labels, required(m.counter, name, "counter"), m);
                    case GAUGE -> add(out, name, m.labels, required(m.gauge, name, "gauge"), m);
                    case UNKNOWN -> add(out, name, m.labels, required(m.untyped, name, "untyped"), m);
                    case SUMMARY -> {
                        require(m.summary, name, "summary");
                        for (double[] q : m.points) {
                            add(out, name, m.labels.with("quantile", goFloat(q[0])), q[1], m);
                        }
                        add(out, name + "_sum", m.labels, m.sum, m);
                        add(out, name + "_count", m.labels, m.count, m);
                    }
                    default -> {
                        require(m.histogram, name, "histogram");
                        boolean inf = false;
                        for (double[] b : m.points) {
                            inf |= b[0] == Double.POSITIVE_INFINITY;
                            add(out, name + "_bucket", m.labels.with("le", goFloat(b[0])), b[1], m);
                        }
                        if (!inf) {
                            add(out, name + "_bucket", m.labels.with("le", "+Inf"), m.count, m);
                        }
                        add(out, name + "_sum", m.labels, m.sum, m);
                        add(out, name + "_count", m.labels, m.count, m);
                    }
                }
            }
            return new MetricFamily(name, t, help == null || help.isEmpty() ? null : help, out);
        }

        private static double required(Double v, String name, String what) throws MalformedException {
            if (v == null) {
                throw new MalformedException("a metric of '" + name + "' has no " + what + " value");
            }
            return v;
        }

        private static void require(boolean present, String name, String what) throws MalformedException {
            if (!present) {
                throw new MalformedException("a metric of '" + name + "' has no " + what + " value");
            }
        }

        private void add(List<Sample> out, String name, Labels labels, double value, Metric m) throws MalformedException {
            if (++samples[0] > maxSamples) {
                throw new TooManySamplesException("more than " + maxSamples + " series");
            }
            out.add(new Sample(name, labels, value, m.timestamp));
        }

        private static Labels labels(String family, Metric m) throws MalformedException {
            int n = m.labelNames.size();
            try {
                return Labels.fromArrays(m.labelNames.toArray(new String[0]), m.labelValues.toArray(new String[0]), n);
            } catch (IllegalArgumentException e) {
                throw new MalformedException("a metric of '" + family + "': " + e.getMessage());
            }
        }

        private Metric metric(int end) throws MalformedException {
            Metric m = new Metric();
            while (pos < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                switch (field) {
                    case 1 -> labelPair(length(wire), m);
                    case 2 -> m.gauge = singleDouble(length(wire));
                    case 3 -> m.counter = singleDouble(length(wire));
                    case 4 -> summary(length(wire), m);
                    case 5 -> m.untyped = singleDouble(length(wire));
                    case 6 -> m.timestamp = integer(wire);
                    case 7 -> histogram(length(wire), m);
                    default -> skip(wire);
                }
            }
            expectEnd(end);
            return m;
        }

        private void labelPair(int end, Metric m) throws MalformedException {
            String name = "";
            String value = "";
            while (pos < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                switch (field) {
                    case 1 -> name = string(wire);
                    case 2 -> value = string(wire);
                    default -> skip(wire);
                }
            }
            expectEnd(end);
            m.labelNames.add(name);
            m.labelValues.add(value);
        }

        /** Gauge, Counter, Untyped: field 1 is the value; the rest (exemplars, created) is skipped. */
        private Double singleDouble(int end) throws MalformedException {
            double v = 0;
            while (pos < end) {
                long tag = varint();
                if ((tag >>> 3) == 1) {
                    v = fixed64((int) (tag & 7));
                } else {
                    skip((int) (tag & 7));
                }
            }
            expectEnd(end);
            return v;
        }

        private void summary(int end, Metric m) throws MalformedException {
            m.summary = true;
            while (pos < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                switch (field) {
                    case 1 -> m.count = integer(wire);
                    case 2 -> m.sum = fixed64(wire);
                    case 3 -> m.points.add(pair(length(wire), 1, 2));
                    default -> skip(wire);
                }
            }
            expectEnd(end);
        }

        private void histogram(int end, Metric m) throws MalformedException {
            m.histogram = true;
            while (pos < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                switch (field) {
                    case 1 -> m.count = integer(wire);
                    case 2 -> m.sum = fixed64(wire);
                    case 3 -> {
                        double[] b = pair(length(wire), 2, 1);
                        m.points.add(b);
                    }
                    case 4 -> m.count = (long) fixed64(wire);
                    default -> skip(wire);
                }
            }
            expectEnd(end);
        }

        /**
         * A Quantile {quantile = 1, value = 2} or a Bucket {cumulative_count = 1 (varint),
         * upper_bound = 2, cumulative_count_float = 4}, as {key, value}.
         */
        private double[] pair(int end, int keyField, int valueField) throws MalformedException {
            double[] p = new double[2];
            boolean bucket = keyField == 2;
            while (pos < end) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                int wire = (int) (tag & 7);
                if (field == keyField) {
                    p[0] = fixed64(wire);
                } else if (field == valueField) {
                    p[1] = bucket ? integer(wire) : fixed64(wire);
                } else if (bucket && field == 4) {
                    p[1] = fixed64(wire);
                } else {
                    skip(wire);
                }
            }
            expectEnd(end);
            return p;
        }

        private void expectEnd(int end) throws MalformedException {
            if (pos != end) {
                throw new MalformedException("a nested message overruns its length at byte " + pos);
            }
        }

        private long varint() throws MalformedException {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= buf.length) {
                    throw new MalformedException("a varint is cut short at byte " + pos);
                }
                int b = buf[pos++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new MalformedException("a varint is longer than 10 bytes at byte " + pos);
        }

        private long integer(int wire) throws MalformedException {
            if (wire != 0) {
                throw new MalformedException("expected a varint at byte " + pos + ", got wire type " + wire);
            }
            return varint();
        }

        private double fixed64(int wire) throws MalformedException {
            if (wire != 1) {
                throw new MalformedException("expected a double at byte " + pos + ", got wire type " + wire);
            }
            if (buf.length - pos < 8) {
                throw new MalformedException("a double is cut short at byte " + pos);
            }
            long bits = 0;
            for (int i = 7; i >= 0; i--) {
                bits = (bits << 8) | (buf[pos + i] & 0xff);
            }
            pos += 8;
            return Double.longBitsToDouble(bits);
        }

        /** The end of a length-delimited field that starts here; {@code pos} moves past the length. */
        private int length(int wire) throws MalformedException {
            if (wire != 2) {
                throw new MalformedException("expected a length-delimited field at byte " + pos + ", got wire type " + wire);
            }
            long n = varint();
            if (n < 0 || n > buf.length - pos) {
                throw new MalformedException("a field of " + n + " bytes at byte " + pos + " overruns its message");
            }
            return pos + (int) n;
        }

        private String string(int wire) throws MalformedException {
            int end = length(wire);
            String s = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
            pos = end;
            return s;
        }

        private void skip(int wire) throws MalformedException {
            switch (wire) {
                case 0 -> varint();
                case 1 -> advance(8);
                case 2 -> pos = length(wire);
                case 5 -> advance(4);
                default -> throw new MalformedException("unsupported wire type " + wire + " at byte " + pos);
            }
        }

        private void advance(int n) throws MalformedException {
            if (buf.length - pos < n) {
                throw new MalformedException("a field is cut short at byte " + pos);
            }
            pos += n;
        }
    }

    /** A float as Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} writes it, as in {@code le="0.25"}. */
    static String goFloat(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exp = d.precision() - d.scale() - 1;
        // Shortest 'g': exponent form below 1e-4 and from 1e6 up (Go's eprec of 6).
        if (exp < -4 || exp >= 6) {
            String digits = d.unscaledValue().abs().toString();
            String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
            int e = Math.abs(exp);
            return (v < 0 ? "-" : "") + mantissa + "e" + (exp < 0 ? "-" : "+") + (e < 10 ? "0" : "") + e;
        }
        return d.toPlainString();
    }
}
