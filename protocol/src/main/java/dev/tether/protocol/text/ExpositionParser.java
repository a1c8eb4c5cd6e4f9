package dev.tether.protocol.text;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A strict, streaming parser for the Prometheus text format 0.0.4 and OpenMetrics text.
 *
 * <p>It works on UTF-8 bytes, one line at a time, and hands each family to a sink as soon as the
 * family is complete, so memory stays in proportion to one family. It refuses, with the line and
 * column (from 1, in bytes) and what it expected: a second {@code TYPE} (or {@code HELP},
 * {@code UNIT}) for a family or one after its samples; a family whose lines are not contiguous, or a
 * name that another family's type claims (a gauge {@code h_sum} after a histogram {@code h});
 * invalid metric or label names, and the reserved label {@code __name__}; duplicate label names in a
 * sample; unterminated quotes and bad escapes; malformed UTF-8; values that are not floats (or are
 * finite but out of a double's range, as Go's ParseFloat says); and samples whose name does not fit
 * their family's type (a {@code _bucket} without {@code le}, for example). Text 0.0.4 must end each
 * line, the last one too, with a line feed; OpenMetrics must end with {@code # EOF}. Timestamps are
 * accepted and reported on the {@link Sample}, so that callers can refuse them. OpenMetrics exemplars
 * are checked for syntax and length and dropped.
 *
 * <p>Whitespace follows each specification: text 0.0.4 allows blanks and tabs around tokens (also
 * before a comment's {@code #} and between a name and its {@code {}}, and a trailing comma in labels;
 * OpenMetrics allows exactly one space where a separator goes and nothing else.
 *
 * <p>Sample names per type, as in the two specifications: in text 0.0.4 a counter's samples carry
 * the family's name; in OpenMetrics they carry {@code _total} (and {@code _created}).
 *
 * <p>Speed: a metric name, label name or label value that repeats the previous line's at the same
 * place is matched in place and reuses that line's String; other short ASCII tokens are interned per
 * parse. So the families it returns share their Strings, and a typical agent body costs little more
 * than the model objects themselves (see {@code docs/benchmarks.md}).
 *
 * <p>Apart from an {@link IOException} of the stream it reads, it throws only {@link ParseException}.
 * Instances are single-use; use the static methods.
 */
public final class ExpositionParser {
    private static final int INITIAL_BUFFER = 64 * 1024;

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
    private final Map<String, Finished> finished = new HashMap<>();
    private boolean eofSeen;

    // Scratch space for one sample's labels, reused from line to line.
    private String[] labelNames = new String[8];
    private String[] labelValues = new String[8];
    private int labelCount;
    // 'le' and 'quantile' values (interned instances) already checked to be floats.
    private final String[] checkedFloats = new String[32];
    private final StringBuilder scratch = new StringBuilder();

    private ExpositionParser(ExpositionFormat format, InputStream in, byte[] bytes, Consumer<MetricFamily> sink) {
        this.om = format == ExpositionFormat.OPENMETRICS;
        this.sink = sink;
        this.in = in;
        if (bytes != null) {
            this.buf = bytes;
            this.limit = bytes.length;
            this.endOfInput = true;
            // About one distinct token per 64 bytes in agent bodies: size the table so it rarely grows.
            interned = InternTable.take(Integer.highestOneBit(Math.max(256, Math.min(1 << 12, bytes.length / 32))));
        } else {
            this.buf = new byte[INITIAL_BUFFER];
            interned = InternTable.take(256);
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
            new ExpositionParser(format, null, utf8, out::add).runAndRelease();
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
        new ExpositionParser(format, in, null, sink).runAndRelease();
    }

    private void runAndRelease() throws ParseException, IOException {
        try {
            run();
        } finally {
            interned.release();
        }
    }

    private void run() throws ParseException, IOException {
        int start = 0;
        int scanned = 0;
        while (true) {
            int nl = indexOfNewline(scanned);
            while (nl < 0 && !endOfInput) {
                // Only the new bytes are searched for a newline, so a long line delivered in small
                // pieces costs linear time, not quadratic.
                int alreadyScanned = limit - start;
                fill(start);
                start = 0;
                nl = indexOfNewline(alreadyScanned);
            }
            if (nl < 0) {
                if (start < limit) {
                    lineNo++;
                    ls = start;
                    le = limit;
                    line();
                    // Text 0.0.4 requires every line to end with a newline, as the Go parser does;
                    // OpenMetrics allows that only for '# EOF', and a missing EOF is reported below.
                    if (!om) {
                        throw error(le, "expected a line feed at the end of the last line");
                    }
                }
                break;
            }
            lineNo++;
            ls = start;
            le = nl;
            line();
            start = nl + 1;
            scanned = start;
        }
        finishCurrent();
        if (om && !eofSeen) {
            throw new ParseException(lineNo + 1, 1, "missing '# EOF' at the end of OpenMetrics text");
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = ONES * '\n';

    private int indexOfNewline(int from) {
        byte[] b = buf;
        int i = from;
        // Eight bytes at a time: the classic "has zero byte" test on the word XOR '\n' finds the
        // first newline byte, little-endian, so its lowest set high bit is the first match.
        for (; i + 8 <= limit; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < limit; i++) {
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
            comment(ls);
        } else if (!om && isBlank(buf[ls])) {
            // Text 0.0.4 ignores leading blanks, also before a comment's '#'.
            int p = skipBlanks(ls);
            if (p == le) {
                return;
            }
            if (buf[p] == '#') {
                comment(p);
            } else {
                sample(p);
            }
        } else {
            sample(ls);
        }
    }

    private void comment(int hash) throws ParseException {
        int p = hash + 1;
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
        // Keywords are compared as bytes: most lines of a body are metadata or samples, never plain
        // text worth a String.
        if (om && isWord(kwStart, p, EOF)) {
            if (p != le) {
                throw error(p, "expected the end of the line after '# EOF'");
            }
            eofSeen = true;
            finishCurrent();
            return;
        }
        boolean isHelp = isWord(kwStart, p, HELP);
        boolean isType = !isHelp && isWord(kwStart, p, TYPE);
        boolean isUnit = om && !isHelp && !isType && isWord(kwStart, p, UNIT);
        String keyword = isHelp ? "HELP" : isType ? "TYPE" : "UNIT";
        if (!isHelp && !isType && !isUnit) {
            if (om) {
                throw error(kwStart, "expected HELP, TYPE, UNIT or EOF after '# '");
            }
            return; // a plain comment in text 0.0.4
        }
        if (!om && skipBlanks(p) == le) {
            return; // '# HELP' alone is a plain comment in text 0.0.4, as in the Go parser
        }
        p = expectSeparator(p, "after " + keyword);
        int nameStart = p;
        p = scanMetricName(p);
        if (p == nameStart) {
            throw error(p, "expected a metric name after " + keyword + ", got " + describe(p));
        }
        String name = intern(nameStart, p, hashOf(nameStart, p));
        if (p < le && !isBlank(buf[p])) {
            throw error(p, "invalid character '" + charAt(p) + "' in metric name '" + name + "'");
        }
        FamilyBuilder fam = familyForMetadata(name, keyword, nameStart);
        if (isHelp) {
            if (fam.help != null) {
                throw error(hash, "second HELP line for family '" + name + "'");
            }
            if (p == le) {
                fam.help = "";
            } else {
                p = expectSeparator(p, "after the metric name");
                fam.help = unescapeHelp(p, le);
            }
        } else if (isType) {
            if (fam.typeSet) {
                throw error(hash, "second TYPE line for family '" + name + "'");
            }
            p = expectSeparator(p, "after the metric name");
            int typeStart = p;
            while (p < le && !isBlank(buf[p])) {
                p++;
            }
            String typeName = ascii(typeStart, p);
            MetricType type = om ? MetricType.fromOpenMetricsName(typeName) : MetricType.fromTextName(typeName);
            if (type == null) {
                throw error(typeStart, "unknown metric type '" + printable(typeName) + "'; expected one of "
                        + (om ? "counter, gauge, histogram, gaugehistogram, summary, info, stateset, unknown"
                              : "counter, gauge, histogram, summary, untyped"));
            }
            expectEndOfLine(p);
            fam.type = type;
            fam.typeSet = true;
        } else {
            if (fam.unit != null) {
                throw error(hash, "second UNIT line for family '" + name + "'");
            }
            p = expectSeparator(p, "after the metric name");
            int unitStart = p;
            while (p < le && isMetricNameChar(buf[p])) {
                p++;
            }
            if (p != le) {
                throw error(p, "invalid character '" + charAt(p) + "' in the unit; expected [a-zA-Z0-9_:]");
            }
            fam.unit = ascii(unitStart, le);
            if (!fam.unit.isEmpty() && !name.endsWith("_" + fam.unit)) {
                throw error(unitStart, "the name of family '" + name + "' must end with its unit '_" + fam.unit + "'");
            }
        }
    }

    private static final byte[] EOF = {'E', 'O', 'F'};
    private static final byte[] HELP = {'H', 'E', 'L', 'P'};
    private static final byte[] TYPE = {'T', 'Y', 'P', 'E'};
    private static final byte[] UNIT = {'U', 'N', 'I', 'T'};

    private boolean isWord(int from, int to, byte[] word) {
        return to - from == word.length && Arrays.equals(buf, from, to, word, 0, word.length);
    }

    /** The family a HELP/TYPE/UNIT line describes: the current one, or a new one that starts here. */
    private FamilyBuilder familyForMetadata(String name, String keyword, int at) throws ParseException {
        if (current != null && current.name.equals(name)) {
            if (!current.samples.isEmpty()) {
                throw error(ls, keyword + " line for family '" + name + "' comes after its samples");
            }
            return current;
        }
        Finished f = finished.get(name);
        if (f != null) {
            if (f.hadSamples) {
                throw error(ls, keyword + " line for family '" + name + "' comes after its samples");
            }
            if (keyword.equals("TYPE") && f.typeSet) {
                throw error(ls, "second TYPE line for family '" + name + "'");
            }
            throw error(ls, "family '" + name + "' appears twice; the lines of a family must be contiguous");
        }
        String owner = current != null && fit(current, name) != NO_FIT ? current.name : ownerOfSampleName(name, current);
        if (owner != null) {
            throw error(at, "'" + name + "' is a sample name of family '" + owner + "'; it cannot name another family");
        }
        finishCurrent();
        current = new FamilyBuilder(name);
        return current;
    }

    private void sample(int p) throws ParseException {
        int nameStart = p;
        String name;
        int end = repeats(prevSampleKey, p);
        if (end >= 0 && (end == le || !isMetricNameChar(buf[end]))) {
            // The previous line's name again: matched in one pass, no scanning, no lookup.
            name = prevSampleName;
            p = end;
        } else {
            p = scanMetricName(p);
            if (p == nameStart) {
                throw error(p, "expected a metric name, got " + describe(p));
            }
            name = intern(nameStart, p, hashOf(nameStart, p));
            prevSampleName = name;
            prevSampleKey = lastKey;
        }
        labelCount = 0;
        if (!om) {
            // Text 0.0.4 lets blanks separate the name from '{'.
            int q = skipBlanks(p);
            if (q < le && buf[q] == '{') {
                p = q;
            }
        }
        if (p < le && buf[p] == '{') {
            p = labels(p + 1, false);
        } else if (p < le && !isBlank(buf[p])) {
            throw error(p, "invalid character '" + charAt(p) + "' in metric name; expected '{' or a space");
        }
        p = expectSeparator(p, "before the value");
        p = value(p);
        double value = parsedValue;
        long timestamp = Sample.NO_TIMESTAMP;
        if (p < le) {
            int q;
            if (om) {
                if (buf[p] != ' ') {
                    throw error(p, "expected a single space after the value");
                }
                q = p + 1;
            } else {
                q = skipBlanks(p);
            }
            if (q < le && buf[q] != '#') {
                int tsStart = q;
                while (q < le && !isBlank(buf[q])) {
                    q++;
                }
                timestamp = om ? secondsToMillis(tsStart, q) : parseMillis(tsStart, q);
                p = q;
                if (p < le) {
                    if (om && buf[p] != ' ') {
                        throw error(p, "expected a single space after the timestamp");
                    }
                    q = om ? p + 1 : skipBlanks(p);
                }
            }
            if (q < le) {
                if (om && buf[q] == '#') {
                    exemplar(q);
                } else {
                    throw error(q, "unexpected text after the " + (timestamp == Sample.NO_TIMESTAMP ? "value" : "timestamp")
                            + "; expected the end of the line");
                }
            } else if (om && q > p) {
                throw error(p, "trailing space; OpenMetrics allows none");
            }
        }
        Labels labels = labelCount == 0 ? Labels.EMPTY : Labels.fromArrays(labelNames, labelValues, labelCount);
        addSample(new Sample(name, labels, value, timestamp), nameStart);
    }

    /** Reads labels from after '{'; returns the position after '}'. */
    private int labels(int p, boolean exemplar) throws ParseException {
        p = skipBlanksIfText(p);
        if (p < le && buf[p] == '}') {
            return p + 1;
        }
        while (true) {
            int nameStart = p;
            String labelName;
            int end = !exemplar && labelCount < prevLabelCount ? repeats(prevNameKeys[labelCount], p) : -1;
            if (end >= 0 && (end == le || !isLabelNameChar(buf[end]))) {
                labelName = prevNames[labelCount];
                lastInterned = true;
                p = end;
            } else {
                p = scanLabelName(p);
                if (p == nameStart) {
                    throw error(p, "expected a label name, got " + describe(p));
                }
                labelName = intern(nameStart, p, hashOf(nameStart, p));
                if (!exemplar && labelCount < prevLabelCount) {
                    prevNameKeys[labelCount] = lastKey;
                    prevNames[labelCount] = labelName;
                }
            }
            if (!exemplar) {
                if (labelCount == 0) {
                    namesCanonical = true;
                }
                checkNewLabel(labelName, nameStart);
            }
            p = skipBlanksIfText(p);
            if (p >= le || buf[p] != '=') {
                throw error(p, "expected '=' after label name '" + labelName + "', got " + describe(p));
            }
            p = skipBlanksIfText(p + 1);
            if (p >= le || buf[p] != '"') {
                throw error(p, "expected '\"' to start the value of label '" + labelName + "', got " + describe(p));
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
            throw error(p, "expected ',' or '}' after the value of label '" + labelName + "', got " + describe(p));
        }
    }

    private void checkNewLabel(String labelName, int at) throws ParseException {
        if (labelName.length() == 8 && labelName.equals("__name__")) {
            throw error(at, "label name '__name__' is reserved");
        }
        namesCanonical &= lastInterned;
        for (int i = 0; i < labelCount; i++) {
            String other = labelNames[i];
            // Canonical names are equal only when identical: a reference compare per pair.
            if (other == labelName || (!namesCanonical && other.equals(labelName))) {
                throw error(at, "duplicate label name '" + labelName + "'");
            }
        }
    }

    /** Reads a quoted value from after its opening quote; returns the position after the closing quote. */
    private int labelValue(int p, String labelName) throws ParseException {
        if (labelCount < prevLabelCount) {
            // Keys are only kept for values without escapes or quotes, so a match followed by the
            // closing quote is exactly that value.
            int end = repeats(prevValueKeys[labelCount], p);
            if (end >= 0 && end < le && buf[end] == '"') {
                lastString = prevValues[labelCount];
                lastKey = prevValueKeys[labelCount];
                addLabel(labelName, lastString);
                return end + 1;
            }
        }
        int start = p;
        boolean escaped = false;
        boolean ascii = true;
        int h = 0;
        byte[] b = buf;
        int end = le;
        while (p < end) {
            byte c = b[p];
            if (c == '"') {
                String value;
                if (escaped) {
                    value = unescape(start, p, false);
                } else if (ascii) {
                    value = intern(start, p, h);
                } else {
                    value = utf8(start, p);
                }
                addLabel(labelName, value);
                return p + 1;
            }
            if (c == '\\') {
                escaped = true;
                p++;
                if (p >= end) {
                    break;
                }
                byte e = b[p];
                if (e != '\\' && e != '"' && e != 'n') {
                    throw error(p - 1, "invalid escape sequence '\\" + charAt(p) + "' in the value of label '"
                            + labelName + "'; expected \\\\, \\\" or \\n");
                }
            } else if (c < 0) {
                ascii = false;
            }
            h = 31 * h + c;
            p++;
        }
        throw error(start - 1, "unterminated value of label '" + labelName + "' (missing closing '\"')");
    }

    private void addLabel(String name, String value) {
        if (labelCount == labelNames.length) {
            labelNames = Arrays.copyOf(labelNames, labelCount * 2);
            labelValues = Arrays.copyOf(labelValues, labelCount * 2);
        }
        if (labelCount == prevNames.length) {
            prevNames = Arrays.copyOf(prevNames, labelCount * 2);
            prevNameKeys = Arrays.copyOf(prevNameKeys, labelCount * 2);
            prevValues = Arrays.copyOf(prevValues, labelCount * 2);
            prevValueKeys = Arrays.copyOf(prevValueKeys, labelCount * 2);
        }
        if (labelCount >= prevLabelCount) {
            // A slot the previous line did not have: remember this line's name and value for the next.
            prevNames[labelCount] = name;
            prevNameKeys[labelCount] = internKeyOf(name);
            prevLabelCount = labelCount + 1;
        }
        if (prevValues[labelCount] != value) {
            prevValues[labelCount] = value;
            prevValueKeys[labelCount] = value == lastString ? lastKey : null;
        }
        labelNames[labelCount] = name;
        labelValues[labelCount] = value;
        labelCount++;
    }

    private void exemplar(int p) throws ParseException {
        // ' # {labels} value [timestamp]': checked, then dropped.
        if (p + 2 >= le || buf[p + 1] != ' ' || buf[p + 2] != '{') {
            throw error(p, "expected ' # {' to start an exemplar");
        }
        int saved = labelCount;
        p = labels(p + 3, true);
        int length = 0;
        for (int i = saved; i < labelCount; i++) {
            length += labelNames[i].codePointCount(0, labelNames[i].length())
                    + labelValues[i].codePointCount(0, labelValues[i].length());
        }
        labelCount = saved;
        if (length > 128) {
            throw error(p - 1, "exemplar labels have " + length + " characters; OpenMetrics allows at most 128");
        }
        if (p >= le || buf[p] != ' ') {
            throw error(p, "expected ' ' before the exemplar value, got " + describe(p));
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
                throw error(p, "unexpected text after the exemplar; expected the end of the line");
            }
        }
    }

    // ---- families ----

    private static final int NO_FIT = -1;
    private static final int PLAIN = 0;
    private static final int BUCKET = 1;
    private static final int QUANTILE = 2;
    private static final int STATE = 3;

    private void addSample(Sample s, int at) throws ParseException {
        String name = s.name();
        FamilyBuilder f = current;
        if (f != null) {
            int kind;
            int known = f.knownIndex(name);
            if (known >= 0) {
                // A (interned) name this family already accepted: known to fit and to be ours.
                kind = f.fitKinds[known];
            } else {
                kind = fit(f, name);
                if (kind != NO_FIT) {
                    String owner = ownerOfSampleName(name, f);
                    if (owner != null) {
                        throw error(at, "sample '" + name + "' belongs to family '" + owner
                                + "', which appeared earlier; the lines of a family must be contiguous");
                    }
                    f.remember(name, kind);
                }
            }
            if (kind != NO_FIT) {
                checkKind(f, s, kind, at);
                f.samples.add(s);
                return;
            }
            if (f.name.equals(name)) {
                // The name is the family's, but the type does not allow it (a counter in OpenMetrics, say).
                throw error(at, "sample name '" + name + "' does not fit the " + typeName(f.type) + " family '"
                        + f.name + "'" + expectedNames(f));
            }
        }
        Finished done = finished.get(name);
        String owner = done != null ? name : ownerOfSampleName(name, null);
        if (owner != null) {
            throw error(at, "sample '" + name + "' belongs to family '" + owner
                    + "', which appeared earlier; the lines of a family must be contiguous");
        }
        finishCurrent();
        current = new FamilyBuilder(name);
        current.remember(name, PLAIN);
        current.samples.add(s);
    }

    /** How a sample named {@code n} fits family {@code f}: {@link #NO_FIT} or the checks it needs. */
    private int fit(FamilyBuilder f, String n) {
        String base = f.name;
        if (!n.startsWith(base)) {
            return NO_FIT;
        }
        int suffix = suffixOf(n, base.length());
        if (suffix == NO_SUFFIX || !suffixAllowed(f.type, suffix)) {
            return NO_FIT;
        }
        if (suffix == S_BUCKET) {
            return BUCKET;
        }
        if (suffix == S_NONE && f.type == MetricType.SUMMARY) {
            return QUANTILE;
        }
        if (suffix == S_NONE && f.type == MetricType.STATESET) {
            return STATE;
        }
        return PLAIN;
    }

    private void checkKind(FamilyBuilder f, Sample s, int kind, int at) throws ParseException {
        switch (kind) {
            case BUCKET:
                requireFloatLabel(s, "le", "histogram bucket", at);
                break;
            case QUANTILE:
                requireFloatLabel(s, "quantile", "summary quantile", at);
                break;
            case STATE:
                if (!s.labels().contains(f.name)) {
                    throw error(at, "stateset sample '" + s.name() + "' needs a label named '" + f.name + "'");
                }
                break;
            default:
                break;
        }
    }

    private static final int NO_SUFFIX = -1;
    private static final int S_NONE = 0;
    private static final int S_TOTAL = 1;
    private static final int S_CREATED = 2;
    private static final int S_BUCKET = 3;
    private static final int S_COUNT = 4;
    private static final int S_SUM = 5;
    private static final int S_GCOUNT = 6;
    private static final int S_GSUM = 7;
    private static final int S_INFO = 8;
    private static final String[] SUFFIX_TEXT = {"", "_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"};

    /** Which known suffix follows {@code base} in {@code n}, without allocating. */
    private static int suffixOf(String n, int baseLength) {
        int rest = n.length() - baseLength;
        for (int i = 0; i < SUFFIX_TEXT.length; i++) {
            String t = SUFFIX_TEXT[i];
            if (t.length() == rest && n.startsWith(t, baseLength)) {
                return i;
            }
        }
        return NO_SUFFIX;
    }

    /** Which sample-name suffixes a type has, in this parser's format. */
    private boolean suffixAllowed(MetricType type, int suffix) {
        switch (type) {
            case COUNTER:
                return om ? suffix == S_TOTAL || suffix == S_CREATED : suffix == S_NONE;
            case GAUGE:
            case UNKNOWN:
            case STATESET:
                return suffix == S_NONE;
            case HISTOGRAM:
                return suffix == S_BUCKET || suffix == S_SUM || suffix == S_COUNT || (om && suffix == S_CREATED);
            case GAUGE_HISTOGRAM:
                return suffix == S_BUCKET || suffix == S_GSUM || suffix == S_GCOUNT;
            case SUMMARY:
                return suffix == S_NONE || suffix == S_SUM || suffix == S_COUNT || (om && suffix == S_CREATED);
            case INFO:
                return suffix == S_INFO;
            default:
                return false;
        }
    }

    /**
     * The finished family (other than {@code except}) whose type gives it sample name {@code name},
     * or {@code null}: such a name cannot start or join another family.
     */
    private String ownerOfSampleName(String name, FamilyBuilder except) {
        if (finished.isEmpty()) {
            return null;
        }
        for (int i = 0; i < SUFFIX_TEXT.length; i++) {
            String t = SUFFIX_TEXT[i];
            if (name.length() > t.length() && name.endsWith(t)) {
                String base = name.substring(0, name.length() - t.length());
                Finished f = finished.get(base);
                if (f != null && suffixAllowed(f.type, i) && (except == null || !except.name.equals(base))) {
                    return base;
                }
            }
        }
        return null;
    }

    private void requireFloatLabel(Sample s, String label, String what, int at) throws ParseException {
        String v = s.labels().get(label);
        if (v == null) {
            throw error(at, what + " sample '" + s.name() + "' needs a '" + label + "' label");
        }
        int slot = v.hashCode() & (checkedFloats.length - 1);
        if (checkedFloats[slot] == v) {
            return; // interned and checked on an earlier line: a histogram repeats its 'le' values
        }
        if (!isFloat(v)) {
            throw error(at, "label " + label + "=\"" + printable(v) + "\" of '" + s.name() + "' is not a float");
        }
        checkedFloats[slot] = v;
    }

    private String expectedNames(FamilyBuilder f) {
        if (f.type == MetricType.COUNTER && om) {
            return "; expected '" + f.name + "_total' or '" + f.name + "_created'";
        }
        if (f.type == MetricType.INFO) {
            return "; expected '" + f.name + "_info'";
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
        finished.put(f.name, new Finished(f.type, f.typeSet, !f.samples.isEmpty()));
        sink.accept(new MetricFamily(f.name, f.type, f.help, f.unit, f.samples));
    }

    // ---- tokens ----

    private static boolean isMetricNameChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || (c >= '0' && c <= '9');
    }

    private int scanMetricName(int p) {
        if (p >= le || (buf[p] >= '0' && buf[p] <= '9')) {
            return p;
        }
        while (p < le && isMetricNameChar(buf[p])) {
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

    // The tokens of the previous sample line, by position: the next line usually repeats most of them
    // (a histogram's buckets differ only in 'le'), so a token is first compared with its predecessor
    // in place, which costs no hashing and no lookup.
    private String prevSampleName;
    private byte[] prevSampleKey;
    private String[] prevNames = new String[8];
    private byte[][] prevNameKeys = new byte[8][];
    private String[] prevValues = new String[8];
    private byte[][] prevValueKeys = new byte[8][];
    private int prevLabelCount;
    // The bytes of the last string intern() returned or a repeat matched, when it has them.
    private String lastString;
    private byte[] lastKey;
    // Whether that string is the one instance this parse uses for its bytes (false once the table is full).
    private boolean lastInterned;
    // Whether every label name of the current line is such an instance, so that equal means identical.
    private boolean namesCanonical;

    /** Where the line continues after {@code key} when it is at {@code from}; -1 if it is not there. */
    private int repeats(byte[] key, int from) {
        if (key == null || from + key.length > le || !sameBytes(key, from)) {
            return -1;
        }
        return from + key.length;
    }

    private static boolean isLabelNameChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9');
    }

    /** Whether {@code key} equals the {@code key.length} bytes of the buffer at {@code from}. */
    private boolean sameBytes(byte[] key, int from) {
        int n = key.length;
        if (n >= 16) {
            return Arrays.equals(key, 0, n, buf, from, from + n);
        }
        // Most keys are short label names and values, where a plain loop beats the vectorized call.
        byte[] b = buf;
        for (int i = 0; i < n; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private byte[] internKeyOf(String s) {
        return s == lastString ? lastKey : null;
    }

    private int hashOf(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }

    // The ASCII strings made so far on this thread (sample names, label names and values), so that a
    // name or value repeated on many lines, or in many pushes, is one String, made once (InternTable).
    private final InternTable interned;

    /** The string of ASCII bytes {@code [from, to)} whose hash is {@code h}, made once per thread while the table keeps it. */
    private String intern(int from, int to, int h) {
        InternTable t = interned;
        byte[][] keys = t.keys;
        int mask = keys.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        int len = to - from;
        while (true) {
            byte[] k = keys[i];
            if (k == null) {
                break;
            }
            if (t.hashes[i] == h && k.length == len && sameBytes(k, from)) {
                lastString = t.values[i];
                lastKey = k;
                lastInterned = true;
                return lastString;
            }
            i = (i + 1) & mask;
        }
        String s = ascii(from, to);
        lastString = s;
        lastKey = null;
        lastInterned = false;
        if (!t.hasRoomFor(len)) {
            return s;
        }
        lastInterned = true;
        lastKey = Arrays.copyOfRange(buf, from, to);
        t.add(i, lastKey, s, h);
        return s;
    }

    private int expectSeparator(int p, String where) throws ParseException {
        if (p >= le || !isBlank(buf[p])) {
            throw error(p, "expected a space " + where + ", got " + describe(p));
        }
        if (om) {
            if (buf[p] != ' ') {
                throw error(p, "expected a single space " + where + ", got a tab");
            }
            return p + 1;
        }
        return skipBlanks(p);
    }

    private void expectEndOfLine(int p) throws ParseException {
        int q = om ? p : skipBlanks(p);
        if (q != le) {
            throw error(q, "expected the end of the line, got " + describe(q));
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

    /** Decodes UTF-8, refusing malformed bytes instead of replacing them (the formats are UTF-8). */
    private String utf8(int from, int to) throws ParseException {
        int bad = firstInvalidUtf8(from, to);
        if (bad >= 0) {
            throw error(bad, "invalid UTF-8");
        }
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return new String(buf, from, to - from, StandardCharsets.UTF_8);
            }
        }
        return ascii(from, to);
    }

    /** The position of the first byte of a malformed UTF-8 sequence, or -1 (RFC 3629: no overlongs, no surrogates). */
    private int firstInvalidUtf8(int from, int to) {
        int p = from;
        while (p < to) {
            int c = buf[p] & 0xff;
            if (c < 0x80) {
                p++;
                continue;
            }
            int n;
            int min;
            if (c >= 0xc2 && c <= 0xdf) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xe0 && c <= 0xef) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xf0 && c <= 0xf4) {
                n = 3;
                min = 0x10000;
            } else {
                return p;
            }
            if (p + n >= to) {
                return p; // the sequence is cut short
            }
            int cp = c & (0x3f >> n);
            for (int i = 1; i <= n; i++) {
                int d = buf[p + i] & 0xff;
                if ((d & 0xc0) != 0x80) {
                    return p;
                }
                cp = (cp << 6) | (d & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return p;
            }
            p += n + 1;
        }
        return -1;
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

    /** What is at {@code p}, for an error message: {@code 'x'} or {@code the end of the line}. */
    private String describe(int p) {
        return p >= le ? "the end of the line" : "'" + charAt(p) + "'";
    }

    private String charAt(int p) {
        if (p >= le) {
            return "end of line";
        }
        byte c = buf[p];
        if (c < 0) {
            int n = Math.min(le, p + 4);
            String s = new String(buf, p, n - p, StandardCharsets.UTF_8);
            return s.isEmpty() ? "?" : s.substring(0, Character.charCount(s.codePointAt(0)));
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

    private double parsedValue;

    /**
     * Reads the sample value at {@code from} into {@link #parsedValue} and returns where it ends.
     * Plain decimals are converted while they are scanned (one pass); anything else goes through
     * {@link #parseFloat}. The fast path takes [-+]?digits[.digits] with at most 15 digits: both the
     * mantissa (below 2^53) and the power of ten (at most 10^22) are exact doubles, so one division
     * gives the correctly rounded value.
     */
    private int value(int from) throws ParseException {
        byte[] b = buf;
        int end = le;
        int p = from;
        boolean negative = false;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        while (p < end) {
            byte c = b[p];
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
            p++;
        }
        if ((p == end || isBlank(b[p])) && digits > 0 && digits <= 15) {
            double v = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
            parsedValue = negative ? -v : v;
            return p;
        }
        while (p < end && !isBlank(b[p])) {
            p++;
        }
        parsedValue = parseFloat(from, p, "value");
        return p;
    }

    private double parseFloat(int from, int to, String what) throws ParseException {
        if (from == to) {
            throw error(from, "expected a float " + what + ", got " + describe(from));
        }
        String text = ascii(from, to);
        double v = parseFloatSlow(text);
        if (Double.isNaN(v) && !isNaNText(text)) {
            throw error(from, "expected a float " + what + ", got '" + printable(text) + "'");
        }
        if (Double.isInfinite(v) && !isInfText(text)) {
            // As Go's ParseFloat: a finite number too large for a double is out of range, not infinity.
            throw error(from, "float " + what + " '" + printable(text) + "' is out of range");
        }
        return v;
    }

    private static boolean isNaNText(String s) {
        return s.equalsIgnoreCase("nan");
    }

    private static boolean isInfText(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity");
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
        if (!isDecimal(t, 0)) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /** digits[.digits][e[+-]digits] or .digits[...] from {@code i}: what Double.parseDouble must be limited to. */
    private static boolean isDecimal(String t, int i) {
        int n = t.length();
        int intDigits = 0;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
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

    /** Whether a label value such as {@code le="0.5"} is a valid float (checked without allocating). */
    static boolean isFloat(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        int rest = s.length() - i;
        if (rest > 0 && (s.charAt(i) == '.' || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) {
            return isDecimalFloat(s, i);
        }
        if ((rest == 3 && s.regionMatches(true, i, "inf", 0, 3)) || (rest == 8 && s.regionMatches(true, i, "infinity", 0, 8))) {
            return true;
        }
        if (s.equalsIgnoreCase("nan")) {
            return true;
        }
        return false;
    }

    private static boolean isDecimalFloat(String s, int i) {
        if (!isDecimal(s, i)) {
            return false;
        }
        // A finite number too large for a double is not a float, as for sample values. Only an
        // exponent or some 300 digits can get there, so the common "0.25" is not parsed at all.
        if (s.length() < 300 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
            return true;
        }
        return !Double.isInfinite(Double.parseDouble(s));
    }

    private long parseMillis(int from, int to) throws ParseException {
        int p = from;
        boolean negative = false;
        if (p < to && (buf[p] == '-' || buf[p] == '+')) {
            negative = buf[p] == '-';
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
            int d = c - '0';
            // Long.MIN_VALUE is Sample.NO_TIMESTAMP, so the range is symmetric: +-(2^63 - 1).
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw error(from, "timestamp '" + printable(ascii(from, to)) + "' out of range");
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    /**
     * An OpenMetrics timestamp (seconds, a float) as milliseconds, computed in decimal so that the
     * writer's {@code 1700000000.123} reads back as exactly 1700000000123 ms at any magnitude.
     */
    private long secondsToMillis(int from, int to) throws ParseException {
        double seconds = parseFloat(from, to, "timestamp");
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || Math.abs(seconds) > 9.2e15) {
            throw error(from, "timestamp '" + printable(ascii(from, to)) + "' out of range");
        }
        // Checked by parseFloat and bounded above, so BigDecimal gets a short, plain decimal.
        BigDecimal exact = new BigDecimal(ascii(from, to));
        if (exact.abs().compareTo(HALF_MILLI_IN_SECONDS) < 0) {
            return 0;
        }
        return exact.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    private static final BigDecimal HALF_MILLI_IN_SECONDS = new BigDecimal("0.0005");

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

    /** What the parser remembers of a family once it is handed on. */
    private static final class Finished {
        final MetricType type;
        final boolean typeSet;
        final boolean hadSamples;

        Finished(MetricType type, boolean typeSet, boolean hadSamples) {
            this.type = type;
            this.typeSet = typeSet;
            this.hadSamples = hadSamples;
        }
    }

    /** A family while it is being read. */
    private static final class FamilyBuilder {
        final String name;
        MetricType type = MetricType.UNKNOWN;
        boolean typeSet;
        String help;
        String unit;
        final List<Sample> samples = new ArrayList<>();
        // Sample names (by identity) already found to fit this family, and how: a later line with
        // the same interned name skips the suffix and ownership checks. A histogram needs three.
        final String[] fitNames = new String[4];
        final int[] fitKinds = new int[4];
        int fitCount;

        FamilyBuilder(String name) {
            this.name = name;
        }

        int knownIndex(String n) {
            for (int i = 0; i < fitCount; i++) {
                if (fitNames[i] == n) {
                    return i;
                }
            }
            return -1;
        }

        void remember(String n, int kind) {
            // Round robin once full: the cache only saves work, it decides nothing.
            int i = fitCount < fitNames.length ? fitCount++ : (n.length() & (fitNames.length - 1));
            fitNames[i] = n;
            fitKinds[i] = kind;
        }
    }
}
