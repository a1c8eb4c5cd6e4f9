package dev.tether.protocol.text;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A strict, streaming parser for the Prometheus text format 0.0.4 and OpenMetrics text.
 *
 * <p>It works on UTF-8 bytes, one line at a time, and hands each family to a sink as soon as the
 * family is complete, so memory stays in proportion to one family. It refuses, with the line and
 * column: a second {@code TYPE} for a family or a {@code TYPE} after its samples; a family whose
 * lines are not contiguous; invalid metric or label names; duplicate label names in a sample;
 * unterminated quotes and bad escapes; values that are not floats; and samples whose name does not
 * fit their family's type (a {@code _bucket} without {@code le}, for example). Timestamps are
 * accepted and reported on the {@link Sample}, so that callers can refuse them. OpenMetrics
 * exemplars are checked for syntax and dropped.
 *
 * <p>Sample names per type, as in the two specifications: in text 0.0.4 a counter's samples carry
 * the family's name; in OpenMetrics they carry {@code _total} (and {@code _created}).
 *
 * <p>Apart from an {@link IOException} of the stream it reads, it throws only {@link ParseException}.
 * Instances are single-use; use the static methods.
 */
public final class ExpositionParser {
    private static final int INITIAL_BUFFER = 64 * 1024;
    private static final String[] SUFFIXES = {"_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"};

    private final ExpositionFormat format;
    private final boolean om;
    private final Consumer<MetricFamily> sink;
    private final InputStream in;

    private byte[] buf;
    private int limit;
    private boolean endOfInput;
    private int lineNo;
    private int ls;
    private int le;

    private FamilyBuilder current;
    private final Map<String, MetricType> finished = new HashMap<>();
    private boolean eofSeen;

    // Scratch space for one sample's labels, reused from line to line.
    private String[] labelNames = new String[8];
    private String[] labelValues = new String[8];
    private int labelCount;
    private String lastSampleName;
    private final StringBuilder scratch = new StringBuilder();

    private ExpositionParser(ExpositionFormat format, InputStream in, byte[] bytes, Consumer<MetricFamily> sink) {
        this.format = format;
        this.om = format == ExpositionFormat.OPENMETRICS;
        this.sink = sink;
        this.in = in;
        if (bytes != null) {
            this.buf = bytes;
            this.limit = bytes.length;
            this.endOfInput = true;
        } else {
            this.buf = new byte[INITIAL_BUFFER];
        }
    }

    /** Parses a whole exposition held in a string. */
    public static List<MetricFamily> parse(String text, ExpositionFormat format) throws ParseException {
        return parse(text.getBytes(StandardCharsets.UTF_8), format);
    }

    /** Parses a whole exposition held in UTF-8 bytes. */
    public static List<MetricFamily> parse(byte[] utf8, ExpositionFormat format) throws ParseException {
        List<MetricFamily> out = new ArrayList<>();
        try {
            new ExpositionParser(format, null, utf8, out::add).run();
        } catch (IOException e) {
            throw new AssertionError("no I/O on a byte array", e);
        }
        return out;
    }

    /**
     * Parses a stream, handing each complete family to {@code sink} in order. A runtime exception
     * thrown by the sink stops the parse and propagates.
     *
     * @throws IOException only when reading {@code in} fails
     */
    public static void parse(InputStream in, ExpositionFormat format, Consumer<MetricFamily> sink)
            throws ParseException, IOException {
        new ExpositionParser(format, in, null, sink).run();
    }

    private void run() throws ParseException, IOException {
        int start = 0;
        while (true) {
            int nl = indexOfNewline(start);
            while (nl < 0 && !endOfInput) {
                int consumed = start;
                fill(consumed);
                start = 0;
                nl = indexOfNewline(start);
            }
            if (nl < 0) {
                if (start < limit) {
                    // A last line without a newline.
                    lineNo++;
                    ls = start;
                    le = limit;
                    line();
                }
                break;
            }
            lineNo++;
            ls = start;
            le = nl;
            line();
            start = nl + 1;
        }
        finishCurrent();
        if (om && !eofSeen) {
            throw new ParseException(lineNo + 1, 1, "missing '# EOF' at the end of OpenMetrics text");
        }
    }

    private int indexOfNewline(int from) {
        byte[] b = buf;
        for (int i = from; i < limit; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Drops the consumed prefix and reads more, growing the buffer for a line longer than it. */
    private void fill(int consumed) throws IOException {
        int remaining = limit - consumed;
        if (consumed == 0 && remaining == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, remaining);
            buf = bigger;
        } else if (consumed > 0) {
            System.arraycopy(buf, consumed, buf, 0, remaining);
        }
        limit = remaining;
        int n = in.read(buf, limit, buf.length - limit);
        if (n < 0) {
            endOfInput = true;
        } else {
            limit += n;
        }
    }

    // ---- one line ----

    private void line() throws ParseException {
        if (eofSeen) {
            throw error(ls, "unexpected content after '# EOF'");
        }
        if (le > ls && buf[le - 1] == '\r') {
            throw error(le - 1, "carriage return at the end of the line; lines must end with \\n only");
        }
        if (ls == le) {
            if (om) {
                throw error(ls, "empty line; OpenMetrics allows none");
            }
            return;
        }
        if (buf[ls] == '#') {
            comment();
        } else {
            if (!om && isBlank(buf[ls])) {
                int p = skipBlanks(ls);
                if (p == le) {
                    return; // a line of blanks only
                }
                if (buf[p] == '#') {
                    throw error(p, "a comment must start at the beginning of the line");
                }
                sample(p);
                return;
            }
            sample(ls);
        }
    }

    private void comment() throws ParseException {
        int p = ls + 1;
        if (om) {
            if (p >= le || buf[p] != ' ') {
                throw error(p, "expected ' ' after '#' (OpenMetrics comments are '# HELP', '# TYPE', '# UNIT' or '# EOF')");
            }
            p++;
        } else {
            p = skipBlanks(p);
        }
        int kwStart = p;
        while (p < le && !isBlank(buf[p])) {
            p++;
        }
        String keyword = ascii(kwStart, p);
        if (om && keyword.equals("EOF")) {
            if (p != le) {
                throw error(p, "expected the end of the line after '# EOF'");
            }
            eofSeen = true;
            finishCurrent();
            return;
        }
        boolean isHelp = keyword.equals("HELP");
        boolean isType = keyword.equals("TYPE");
        boolean isUnit = om && keyword.equals("UNIT");
        if (!isHelp && !isType && !isUnit) {
            if (om) {
                throw error(kwStart, "expected HELP, TYPE, UNIT or EOF after '# '");
            }
            return; // a plain comment in text 0.0.4
        }
        p = expectSeparator(p, "after " + keyword);
        int nameStart = p;
        p = scanMetricName(p);
        if (p == nameStart) {
            throw error(p, "expected a metric name after " + keyword);
        }
        String name = ascii(nameStart, p);
        if (p < le && !isBlank(buf[p])) {
            throw error(p, "invalid character '" + charAt(p) + "' in metric name '" + name + "'");
        }
        FamilyBuilder fam = familyForMetadata(name, keyword);
        if (isHelp) {
            if (fam.help != null) {
                throw error(ls, "second HELP line for family '" + name + "'");
            }
            if (p == le) {
                fam.help = "";
            } else {
                p = om ? p + 1 : skipBlanks(p);
                fam.help = unescapeHelp(p, le);
            }
        } else if (isType) {
            if (fam.typeSet) {
                throw error(ls, "second TYPE line for family '" + name + "'");
            }
            p = expectSeparator(p, "after the metric name");
            int typeStart = p;
            while (p < le && !isBlank(buf[p])) {
                p++;
            }
            String typeName = ascii(typeStart, p);
            MetricType type = om ? MetricType.fromOpenMetricsName(typeName) : MetricType.fromTextName(typeName);
            if (type == null) {
                throw error(typeStart, "unknown metric type '" + typeName + "'; expected one of "
                        + (om ? "counter, gauge, histogram, gaugehistogram, summary, info, stateset, unknown"
                              : "counter, gauge, histogram, summary, untyped"));
            }
            expectEndOfLine(p);
            fam.type = type;
            fam.typeSet = true;
        } else {
            if (fam.unit != null) {
                throw error(ls, "second UNIT line for family '" + name + "'");
            }
            p = expectSeparator(p, "after the metric name");
            fam.unit = ascii(p, le);
            if (!fam.unit.isEmpty() && !name.endsWith("_" + fam.unit)) {
                throw error(p, "the name of family '" + name + "' must end with its unit '_" + fam.unit + "'");
            }
        }
    }

    /** The family a HELP/TYPE/UNIT line describes: the current one, or a new one that starts here. */
    private FamilyBuilder familyForMetadata(String name, String keyword) throws ParseException {
        if (current != null && current.name.equals(name)) {
            if (!current.samples.isEmpty()) {
                throw error(ls, keyword + " line for family '" + name + "' comes after its samples");
            }
            return current;
        }
        if (finished.containsKey(name)) {
            if (keyword.equals("TYPE")) {
                throw error(ls, "second TYPE line for family '" + name + "'");
            }
            throw error(ls, "family '" + name + "' appears twice; the lines of a family must be contiguous");
        }
        finishCurrent();
        current = new FamilyBuilder(name);
        return current;
    }

    private void sample(int p) throws ParseException {
        int nameStart = p;
        p = scanMetricName(p);
        if (p == nameStart) {
            throw error(p, "expected a metric name, got '" + charAt(p) + "'");
        }
        String name = sampleName(nameStart, p);
        labelCount = 0;
        if (p < le && buf[p] == '{') {
            p = labels(p + 1);
        } else if (p < le && !isBlank(buf[p])) {
            throw error(p, "invalid character '" + charAt(p) + "' in metric name; expected '{' or a space");
        }
        p = expectSeparator(p, "before the value");
        int valueStart = p;
        while (p < le && !isBlank(buf[p])) {
            p++;
        }
        double value = parseFloat(valueStart, p, "value");
        long timestamp = Sample.NO_TIMESTAMP;
        if (p < le) {
            int q = om ? p + 1 : skipBlanks(p);
            if (om && (q > le || buf[p] != ' ')) {
                throw error(p, "expected a single space");
            }
            if (q < le && buf[q] != '#') {
                int tsStart = q;
                while (q < le && !isBlank(buf[q])) {
                    q++;
                }
                timestamp = om ? secondsToMillis(tsStart, q) : parseMillis(tsStart, q);
                p = q;
                if (p < le) {
                    q = om ? p + 1 : skipBlanks(p);
                }
            }
            if (q < le) {
                if (om && buf[q] == '#') {
                    exemplar(q);
                } else {
                    throw error(q, "unexpected text after the " + (timestamp == Sample.NO_TIMESTAMP ? "value" : "timestamp"));
                }
            } else if (om && q > p) {
                throw error(p, "trailing space; OpenMetrics allows none");
            }
        }
        Labels labels = buildLabels(nameStart);
        addSample(new Sample(name, labels, value, timestamp), nameStart);
    }

    private int labels(int p) throws ParseException {
        p = skipBlanksIfText(p);
        if (p < le && buf[p] == '}') {
            return p + 1;
        }
        while (true) {
            int nameStart = p;
            p = scanLabelName(p);
            if (p == nameStart) {
                throw error(p, p < le ? "expected a label name, got '" + charAt(p) + "'" : "expected a label name, got the end of the line");
            }
            String labelName = labelName(nameStart, p);
            p = skipBlanksIfText(p);
            if (p >= le || buf[p] != '=') {
                throw error(p, "expected '=' after label name '" + labelName + "'");
            }
            p = skipBlanksIfText(p + 1);
            if (p >= le || buf[p] != '"') {
                throw error(p, "expected '\"' to start the value of label '" + labelName + "'");
            }
            p = labelValue(p + 1, labelName);
            p = skipBlanksIfText(p);
            if (p < le && buf[p] == ',') {
                p = skipBlanksIfText(p + 1);
                if (p < le && buf[p] == '}' && !om) {
                    return p + 1; // a trailing comma, allowed in text 0.0.4
                }
                continue;
            }
            if (p < le && buf[p] == '}') {
                return p + 1;
            }
            throw error(p, "expected ',' or '}' after the value of label '" + labelName + "'");
        }
    }

    /** Reads a quoted value from after its opening quote; returns the position after the closing quote. */
    private int labelValue(int p, String labelName) throws ParseException {
        int start = p;
        boolean escaped = false;
        while (p < le) {
            byte c = buf[p];
            if (c == '"') {
                String value = escaped ? unescape(start, p, false) : utf8(start, p);
                addLabel(labelName, value);
                return p + 1;
            }
            if (c == '\\') {
                escaped = true;
                p++;
                if (p >= le) {
                    break;
                }
                byte e = buf[p];
                if (e != '\\' && e != '"' && e != 'n') {
                    throw error(p - 1, "invalid escape sequence '\\" + charAt(p) + "' in the value of label '"
                            + labelName + "'; expected \\\\, \\\" or \\n");
                }
            } else if (c == '\n') {
                break;
            }
            p++;
        }
        throw error(start - 1, "unterminated value of label '" + labelName + "' (missing closing '\"')");
    }

    private void addLabel(String name, String value) {
        if (labelCount == labelNames.length) {
            labelNames = java.util.Arrays.copyOf(labelNames, labelCount * 2);
            labelValues = java.util.Arrays.copyOf(labelValues, labelCount * 2);
        }
        labelNames[labelCount] = name;
        labelValues[labelCount] = value;
        labelCount++;
    }

    private Labels buildLabels(int at) throws ParseException {
        if (labelCount == 0) {
            return Labels.EMPTY;
        }
        for (int i = 0; i < labelCount; i++) {
            for (int j = i + 1; j < labelCount; j++) {
                if (labelNames[i].equals(labelNames[j])) {
                    throw error(at, "duplicate label name '" + labelNames[i] + "'");
                }
            }
        }
        return Labels.fromArrays(labelNames, labelValues, labelCount);
    }

    private void exemplar(int p) throws ParseException {
        // ' # {labels} value [timestamp]': checked, then dropped.
        if (p + 2 > le || buf[p + 1] != ' ' || p + 2 >= le || buf[p + 2] != '{') {
            throw error(p, "expected ' # {' to start an exemplar");
        }
        int saved = labelCount;
        p = labels(p + 3);
        labelCount = saved;
        if (p >= le || buf[p] != ' ') {
            throw error(p, "expected ' ' before the exemplar value");
        }
        p++;
        int vs = p;
        while (p < le && buf[p] != ' ') {
            p++;
        }
        parseFloat(vs, p, "exemplar value");
        if (p < le) {
            p++;
            int ts = p;
            while (p < le && buf[p] != ' ') {
                p++;
            }
            parseFloat(ts, p, "exemplar timestamp");
            if (p < le) {
                throw error(p, "unexpected text after the exemplar");
            }
        }
    }

    // ---- families ----

    private void addSample(Sample s, int at) throws ParseException {
        String name = s.name();
        if (current != null && fits(current, s, at)) {
            current.samples.add(s);
            return;
        }
        if (finished.containsKey(name) || claimedByFinished(name)) {
            throw error(at, "sample '" + name + "' belongs to a family that appeared earlier; the lines of a family must be contiguous");
        }
        if (current != null && current.name.equals(name)) {
            // The name is the family's, but the type does not allow it (a counter in OpenMetrics, say).
            throw error(at, "sample name '" + name + "' does not fit the " + typeName(current.type) + " family '"
                    + current.name + "'" + expectedNames(current));
        }
        finishCurrent();
        current = new FamilyBuilder(name);
        current.samples.add(s);
    }

    /**
     * Whether {@code s} belongs to family {@code f}. A name that fits but lacks a label the type needs
     * (a bucket without {@code le}) is an error, not a new family.
     */
    private boolean fits(FamilyBuilder f, Sample s, int at) throws ParseException {
        String n = s.name();
        String base = f.name;
        if (!n.startsWith(base)) {
            return false;
        }
        String suffix = n.substring(base.length());
        switch (f.type) {
            case COUNTER:
                return om ? suffix.equals("_total") || suffix.equals("_created") : suffix.isEmpty();
            case GAUGE:
            case UNKNOWN:
                return suffix.isEmpty();
            case HISTOGRAM:
            case GAUGE_HISTOGRAM: {
                boolean gauge = f.type == MetricType.GAUGE_HISTOGRAM;
                if (suffix.equals("_bucket")) {
                    requireFloatLabel(s, "le", "histogram bucket", at);
                    return true;
                }
                if (gauge) {
                    return suffix.equals("_gsum") || suffix.equals("_gcount");
                }
                return suffix.equals("_sum") || suffix.equals("_count") || (om && suffix.equals("_created"));
            }
            case SUMMARY:
                if (suffix.isEmpty()) {
                    requireFloatLabel(s, "quantile", "summary quantile", at);
                    return true;
                }
                return suffix.equals("_sum") || suffix.equals("_count") || (om && suffix.equals("_created"));
            case INFO:
                return suffix.equals("_info");
            case STATESET:
                if (suffix.isEmpty()) {
                    if (!s.labels().contains(base)) {
                        throw error(at, "stateset sample '" + n + "' needs a label named '" + base + "'");
                    }
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private void requireFloatLabel(Sample s, String label, String what, int at) throws ParseException {
        String v = s.labels().get(label);
        if (v == null) {
            throw error(at, what + " sample '" + s.name() + "' needs a '" + label + "' label");
        }
        if (!isFloat(v)) {
            throw error(at, "label " + label + "=\"" + v + "\" of '" + s.name() + "' is not a float");
        }
    }

    private boolean claimedByFinished(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                MetricType t = finished.get(name.substring(0, name.length() - suffix.length()));
                if (t != null && t != MetricType.GAUGE && t != MetricType.UNKNOWN) {
                    return true;
                }
            }
        }
        return false;
    }

    private String expectedNames(FamilyBuilder f) {
        if (f.type == MetricType.COUNTER && om) {
            return "; expected '" + f.name + "_total'";
        }
        return "";
    }

    private String typeName(MetricType t) {
        return om ? t.openMetricsName() : (t.textName() == null ? t.openMetricsName() : t.textName());
    }

    private void finishCurrent() {
        if (current == null) {
            return;
        }
        FamilyBuilder f = current;
        current = null;
        finished.put(f.name, f.type);
        sink.accept(new MetricFamily(f.name, f.type, f.help, f.unit, f.samples));
    }

    // ---- tokens ----

    private int scanMetricName(int p) {
        int start = p;
        while (p < le) {
            byte c = buf[p];
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':'
                    || (p > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            p++;
        }
        return p;
    }

    private int scanLabelName(int p) {
        int start = p;
        while (p < le) {
            byte c = buf[p];
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                    || (p > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            p++;
        }
        return p;
    }

    /** The sample name, reusing the previous one when the bytes match (consecutive samples share names). */
    private String sampleName(int from, int to) {
        String last = lastSampleName;
        if (last != null && last.length() == to - from) {
            boolean same = true;
            for (int i = 0; i < last.length(); i++) {
                if (last.charAt(i) != buf[from + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return last;
            }
        }
        lastSampleName = ascii(from, to);
        return lastSampleName;
    }

    private String labelName(int from, int to) {
        return ascii(from, to);
    }

    private int expectSeparator(int p, String where) throws ParseException {
        if (p >= le || !isBlank(buf[p])) {
            throw error(p, "expected a space " + where + (p >= le ? ", got the end of the line" : ", got '" + charAt(p) + "'"));
        }
        if (om) {
            if (buf[p] != ' ') {
                throw error(p, "expected a single space " + where);
            }
            return p + 1;
        }
        return skipBlanks(p);
    }

    private void expectEndOfLine(int p) throws ParseException {
        int q = om ? p : skipBlanks(p);
        if (q != le) {
            throw error(q, "expected the end of the line");
        }
    }

    private int skipBlanks(int p) {
        while (p < le && isBlank(buf[p])) {
            p++;
        }
        return p;
    }

    private int skipBlanksIfText(int p) {
        return om ? p : skipBlanks(p);
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private String ascii(int from, int to) {
        return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private String utf8(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return new String(buf, from, to - from, StandardCharsets.UTF_8);
            }
        }
        return ascii(from, to);
    }

    private String unescape(int from, int to, boolean help) throws ParseException {
        scratch.setLength(0);
        int runStart = from;
        for (int p = from; p < to; p++) {
            if (buf[p] != '\\') {
                continue;
            }
            scratch.append(utf8(runStart, p));
            if (p + 1 >= to) {
                throw error(p, "a backslash at the end of the " + (help ? "HELP text" : "label value"));
            }
            byte e = buf[p + 1];
            if (e == '\\') {
                scratch.append('\\');
            } else if (e == 'n') {
                scratch.append('\n');
            } else if (e == '"' && (!help || om)) {
                scratch.append('"');
            } else {
                throw error(p, "invalid escape sequence '\\" + charAt(p + 1) + "' in the "
                        + (help ? "HELP text; expected \\\\ or \\n" + (om ? " or \\\"" : "") : "label value"));
            }
            p++;
            runStart = p + 1;
        }
        scratch.append(utf8(runStart, to));
        return scratch.toString();
    }

    private String unescapeHelp(int from, int to) throws ParseException {
        for (int p = from; p < to; p++) {
            if (buf[p] == '\\') {
                return unescape(from, to, true);
            }
        }
        return utf8(from, to);
    }

    private String charAt(int p) {
        if (p >= le) {
            return "end of line";
        }
        byte c = buf[p];
        if (c < 0) {
            return utf8(p, Math.min(le, p + 4)).substring(0, 1);
        }
        if (c < 0x20 || c == 0x7f) {
            return String.format("\\x%02x", c);
        }
        return String.valueOf((char) c);
    }

    // ---- numbers ----

    private static final double[] POW10 = new double[23];

    static {
        double d = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = d;
            d *= 10;
        }
    }

    private double parseFloat(int from, int to, String what) throws ParseException {
        if (from == to) {
            throw error(from, "expected a float " + what + ", got " + (from >= le ? "the end of the line" : "'" + charAt(from) + "'"));
        }
        // Fast path: [-+]?digits[.digits], at most 18 digits: exact when the mantissa is below 2^53.
        int p = from;
        boolean negative = false;
        if (buf[p] == '-' || buf[p] == '+') {
            negative = buf[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; p < to; p++) {
            byte c = buf[p];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
        }
        if (p == to && digits > 0 && digits <= 15 && (fraction < 0 || fraction < POW10.length)) {
            double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
            return negative ? -v : v;
        }
        String text = ascii(from, to);
        double v = parseFloatSlow(text);
        if (Double.isNaN(v) && !isNaNText(text)) {
            throw error(from, "expected a float " + what + ", got '" + printable(text) + "'");
        }
        return v;
    }

    private static boolean isNaNText(String s) {
        return s.equalsIgnoreCase("nan");
    }

    /**
     * Go's ParseFloat grammar without hex floats. Returns NaN for invalid text; the caller tells that
     * apart from a real "NaN" by the text.
     */
    private static double parseFloatSlow(String s) {
        String t = s;
        boolean negative = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            negative = t.charAt(0) == '-';
            t = t.substring(1);
        }
        if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!isDecimal(t)) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /** digits[.digits][e[+-]digits] or .digits[...]: what Double.parseDouble must be limited to. */
    private static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        int intDigits = 0;
        while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether a label value such as {@code le="0.5"} is a valid float. */
    static boolean isFloat(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("nan") || isDecimal(t);
    }

    private long parseMillis(int from, int to) throws ParseException {
        int p = from;
        boolean negative = false;
        if (p < to && buf[p] == '-') {
            negative = true;
            p++;
        }
        if (p == to) {
            throw error(from, "expected a timestamp in milliseconds, got '" + printable(ascii(from, to)) + "'");
        }
        long v = 0;
        for (; p < to; p++) {
            byte c = buf[p];
            if (c < '0' || c > '9') {
                throw error(p, "expected a timestamp in milliseconds (an integer), got '" + printable(ascii(from, to)) + "'");
            }
            if (v > (Long.MAX_VALUE - 9) / 10) {
                throw error(from, "timestamp out of range");
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    private long secondsToMillis(int from, int to) throws ParseException {
        double seconds = parseFloat(from, to, "timestamp");
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) > 9.2e15) {
            throw error(from, "timestamp out of range");
        }
        return Math.round(seconds * 1000.0);
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && i < 40; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > 40) {
            sb.append("...");
        }
        return sb.toString();
    }

    private ParseException error(int at, String reason) {
        return new ParseException(lineNo, Math.max(1, at - ls + 1), reason);
    }

    /** A family while it is being read. */
    private static final class FamilyBuilder {
        final String name;
        MetricType type = MetricType.UNKNOWN;
        boolean typeSet;
        String help;
        String unit;
        final List<Sample> samples = new ArrayList<>();

        FamilyBuilder(String name) {
            this.name = name;
        }
    }
}
