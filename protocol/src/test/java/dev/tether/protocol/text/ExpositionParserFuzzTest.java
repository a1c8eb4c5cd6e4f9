package dev.tether.protocol.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.tether.protocol.model.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the parser with arbitrary bytes, in both formats. Properties: only {@link ParseException}
 * escapes (with a position from 1), whatever parses round-trips through the writer
 * ({@code parse(write(x)) == x}), and a stream delivered in 1-byte reads parses the same as the array.
 *
 * <p>{@code mvn verify} only replays the committed seed corpus in
 * {@code src/test/resources/dev/tether/protocol/text/ExpositionParserFuzzTestInputs/}. To fuzz for real
 * (about 60 s, several GB of memory):
 *
 * <pre>cd /work/main &amp;&amp; JAZZER_FUZZ=1 mvn -B -o -pl protocol test -Dtest=ExpositionParserFuzzTest</pre>
 *
 * A finding is written as {@code crash-*} into that inputs directory; keep it there, so that every
 * later build replays it, and fix the parser.
 */
class ExpositionParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse_anyBytes_onlyParseExceptionAndRoundTrip(byte @NotNull [] data) throws IOException {
        for (ExpositionFormat format : ExpositionFormat.values()) {
            check(data, format);
        }
    }

    private static void check(byte[] data, ExpositionFormat format) throws IOException {
        List<MetricFamily> parsed;
        try {
            parsed = ExpositionParser.parse(data, format);
        } catch (ParseException e) {
            if (e.line() < 1 || e.column() < 1 || e.reason().isEmpty()) {
                throw new AssertionError("bad position or reason: " + e.getMessage(), e);
            }
            assertStreamFails(data, format, e);
            return;
        }
        String written = ExpositionWriter.write(parsed, format);
        List<MetricFamily> reparsed;
        try {
            reparsed = ExpositionParser.parse(written, format);
        } catch (ParseException e) {
            throw new AssertionError("the writer's output does not parse: " + e.getMessage() + "\n" + written, e);
        }
        if (!reparsed.equals(parsed)) {
            throw new AssertionError("parse(write(x)) != x for:\n" + written + "\nfirst:  " + describe(parsed)
                    + "\nsecond: " + describe(reparsed));
        }
        List<MetricFamily> streamed = new ArrayList<>();
        try {
            ExpositionParser.parse(new OneByteAtATime(data), format, streamed::add);
        } catch (ParseException e) {
            throw new AssertionError("the array parsed but the stream failed: " + e.getMessage(), e);
        }
        if (!streamed.equals(parsed)) {
            throw new AssertionError("the stream parsed differently from the array");
        }
    }

    private static void assertStreamFails(byte[] data, ExpositionFormat format, ParseException expected) throws IOException {
        try {
            ExpositionParser.parse(new OneByteAtATime(data), format, f -> { });
        } catch (ParseException e) {
            if (!e.getMessage().equals(expected.getMessage())) {
                throw new AssertionError("stream and array fail differently: " + e.getMessage() + " vs " + expected.getMessage());
            }
            return;
        }
        throw new AssertionError("the array failed but the stream parsed: " + expected.getMessage());
    }

    private static String describe(List<MetricFamily> families) {
        StringBuilder sb = new StringBuilder();
        for (MetricFamily f : families) {
            sb.append(f).append(" help=").append(f.help()).append(" unit=").append(f.unit()).append(' ').append(f.samples()).append('\n');
        }
        return sb.toString();
    }

    /** Delivers one byte per read, so that every line crosses a refill of the parser's buffer. */
    private static final class OneByteAtATime extends InputStream {
        private final ByteArrayInputStream in;

        OneByteAtATime(byte[] data) {
            this.in = new ByteArrayInputStream(data);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, Math.min(len, 1));
        }
    }
}
