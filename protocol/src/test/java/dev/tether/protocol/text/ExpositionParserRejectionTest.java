package dev.tether.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input the parser must refuse, in both formats, with the line, the column and a phrase of the
 * message that says what was wrong or expected. Table-driven: one row per case.
 */
class ExpositionParserRejectionTest {

    private static final ExpositionFormat T = ExpositionFormat.TEXT_004;
    private static final ExpositionFormat OM = ExpositionFormat.OPENMETRICS;

    static Stream<Arguments> rejected() {
        return Stream.of(
                // A second TYPE, and a TYPE after the family's samples.
                row(T, "# TYPE a gauge\n# TYPE a gauge\n", 2, 1, "second TYPE line for family 'a'"),
                row(OM, "# TYPE a gauge\n# TYPE a gauge\n# EOF\n", 2, 1, "second TYPE line for family 'a'"),
                row(T, "# TYPE a gauge\na 1\nb 1\n# TYPE a gauge\n", 4, 1, "comes after its samples"),
                row(T, "a 1\n# TYPE a gauge\n", 2, 1, "TYPE line for family 'a' comes after its samples"),
                row(OM, "a 1\n# TYPE a gauge\n# EOF\n", 2, 1, "comes after its samples"),
                row(T, "# TYPE a gauge\nb 1\n# TYPE a counter\n", 3, 1, "second TYPE line for family 'a'"),
                row(T, "# HELP a x\n# HELP a y\n", 2, 1, "second HELP line"),
                row(OM, "# UNIT a_s s\n# UNIT a_s s\n# EOF\n", 2, 1, "second UNIT line"),
                row(T, "a 1\nb 1\na 2\n", 3, 1, "contiguous"),
                row(T, "# TYPE h histogram\nh_count 1\nx 1\nh_sum 2\n", 4, 1, "belongs to family 'h'"),
                row(T, "# TYPE h histogram\nh_sum 1\n# TYPE h_sum gauge\n", 3, 8, "is a sample name of family 'h'"),
                row(T, "# TYPE h_bucket gauge\nh_bucket 1\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\n", 4, 1,
                        "belongs to family 'h_bucket'"),
                // Invalid metric names.
                row(T, "1abc 1\n", 1, 1, "expected a metric name, got '1'"),
                row(OM, "1abc 1\n# EOF\n", 1, 1, "expected a metric name, got '1'"),
                row(T, "ab-c 1\n", 1, 3, "invalid character '-' in metric name"),
                row(OM, "ab-c 1\n# EOF\n", 1, 3, "invalid character '-' in metric name"),
                row(T, "é 1\n", 1, 1, "expected a metric name, got 'é'"),
                row(T, "# TYPE 1a gauge\n", 1, 8, "expected a metric name after TYPE"),
                row(T, "# TYPE a-b gauge\n", 1, 9, "invalid character '-' in metric name 'a'"),
                row(OM, "# HELP a.b x\n# EOF\n", 1, 9, "invalid character '.'"),
                // Invalid label names.
                row(T, "a{1x=\"1\"} 1\n", 1, 3, "expected a label name, got '1'"),
                row(OM, "a{1x=\"1\"} 1\n# EOF\n", 1, 3, "expected a label name, got '1'"),
                row(T, "a{x:y=\"1\"} 1\n", 1, 4, "expected '=' after label name 'x', got ':'"),
                row(T, "a{x-y=\"1\"} 1\n", 1, 4, "expected '=' after label name 'x'"),
                row(T, "a{__name__=\"b\"} 1\n", 1, 3, "label name '__name__' is reserved"),
                row(T, "a{,} 1\n", 1, 3, "expected a label name, got ','"),
                row(OM, "a{x=\"1\",} 1\n# EOF\n", 1, 9, "expected a label name, got '}'"),
                // Duplicate label names.
                row(T, "a{x=\"1\",x=\"2\"} 1\n", 1, 9, "duplicate label name 'x'"),
                row(OM, "a{x=\"1\",y=\"1\",x=\"2\"} 1\n# EOF\n", 1, 15, "duplicate label name 'x'"),
                row(T, "a{x=\"1\"} 1\na{x=\"1\",x=\"1\"} 1\n", 2, 9, "duplicate label name 'x'"),
                // Unterminated quotes, bad escapes.
                row(T, "a{x=\"1} 1\n", 1, 5, "unterminated value of label 'x'"),
                row(OM, "a{x=\"1} 1\n# EOF\n", 1, 5, "unterminated value of label 'x'"),
                row(T, "a{x=\"1\\\"} 1\n", 1, 5, "unterminated"),
                row(T, "a{x=\"ab\\", 1, 5, "unterminated"),
                row(T, "a{x=1} 1\n", 1, 5, "expected '\"' to start the value of label 'x'"),
                row(T, "a{x=\"\\q\"} 1\n", 1, 6, "invalid escape sequence '\\q'"),
                row(OM, "a{x=\"\\t\"} 1\n# EOF\n", 1, 6, "invalid escape sequence '\\t'"),
                row(T, "# HELP a bad \\q escape\n", 1, 14, "invalid escape sequence '\\q' in the HELP text"),
                row(T, "# HELP a no \\\"quote escape in 0.0.4\n", 1, 13, "invalid escape sequence '\\\"'"),
                row(OM, "# HELP a trailing \\\n# EOF\n", 1, 19, "a backslash at the end of the HELP text"),
                row(T, "a{x=\"1\" y=\"2\"} 1\n", 1, 9, "expected ',' or '}' after the value of label 'x'"),
                // Values that are not floats.
                row(T, "a 12abc\n", 1, 3, "expected a float value, got '12abc'"),
                row(OM, "a 12abc\n# EOF\n", 1, 3, "expected a float value, got '12abc'"),
                row(T, "a 0x10\n", 1, 3, "got '0x10'"),
                row(T, "a 1,5\n", 1, 3, "got '1,5'"),
                row(T, "a Inf1\n", 1, 3, "got 'Inf1'"),
                row(T, "a +NaN\n", 1, 3, "got '+NaN'"),
                row(T, "a 1e\n", 1, 3, "got '1e'"),
                row(T, "a .\n", 1, 3, "got '.'"),
                row(T, "a -\n", 1, 3, "got '-'"),
                row(T, "a 1e999\n", 1, 3, "out of range"),
                row(T, "a\n", 1, 2, "expected a space before the value, got the end of the line"),
                row(T, "a{x=\"1\"}\n", 1, 9, "expected a space before the value"),
                row(T, "a 1 2 3\n", 1, 7, "unexpected text after the timestamp"),
                row(T, "a 1 1.5\n", 1, 6, "expected a timestamp in milliseconds (an integer)"),
                row(T, "a 1 99999999999999999999\n", 1, 5, "out of range"),
                row(OM, "a 1 NaN\n# EOF\n", 1, 5, "out of range"),
                row(OM, "a 1 x\n# EOF\n", 1, 5, "expected a float timestamp"),
                // Sample names that do not fit the family's type.
                row(T, "# TYPE h histogram\nh_bucket{a=\"b\"} 1\n", 2, 1, "histogram bucket sample 'h_bucket' needs a 'le' label"),
                row(OM, "# TYPE h histogram\nh_bucket 1\n# EOF\n", 2, 1, "needs a 'le' label"),
                row(T, "# TYPE h histogram\nh_bucket{le=\"x\"} 1\n", 2, 1, "label le=\"x\" of 'h_bucket' is not a float"),
                row(T, "# TYPE s summary\ns 1\n", 2, 1, "summary quantile sample 's' needs a 'quantile' label"),
                row(T, "# TYPE s summary\ns{quantile=\"high\"} 1\n", 2, 1, "is not a float"),
                row(T, "# TYPE h histogram\nh 1\n", 2, 1, "does not fit the histogram family 'h'"),
                row(OM, "# TYPE c counter\nc 1\n# EOF\n", 2, 1, "expected 'c_total' or 'c_created'"),
                row(OM, "# TYPE i info\ni 1\n# EOF\n", 2, 1, "expected 'i_info'"),
                row(OM, "# TYPE s stateset\ns{x=\"a\"} 1\n# EOF\n", 2, 1, "needs a label named 's'"),
                row(OM, "# TYPE g gaugehistogram\ng_bucket 1\n# EOF\n", 2, 1, "needs a 'le' label"),
                row(T, "# TYPE a gauge\na_total 1\na 2\n", 3, 1, "contiguous"),
                // Metadata lines.
                row(T, "# TYPE a gaugehistogram\n", 1, 10, "unknown metric type 'gaugehistogram'; expected one of counter, gauge"),
                row(OM, "# TYPE a untyped\n# EOF\n", 1, 10, "unknown metric type 'untyped'"),
                row(T, "# TYPE a gauge extra\n", 1, 16, "expected the end of the line"),
                row(OM, "# UNIT a_seconds bytes\n# EOF\n", 1, 18, "must end with its unit '_bytes'"),
                row(OM, "# UNIT a_sec-onds x\n# EOF\n", 1, 13, "invalid character '-'"),
                // OpenMetrics framing.
                row(OM, "a 1\n", 2, 1, "missing '# EOF'"),
                row(OM, "", 1, 1, "missing '# EOF'"),
                row(OM, "# EOF\na 1\n", 2, 1, "unexpected content after '# EOF'"),
                row(OM, "# EOF\n\n", 2, 1, "unexpected content after '# EOF'"),
                row(OM, "a 1\n\n# EOF\n", 2, 1, "empty line"),
                row(OM, "# EOF extra\n", 1, 6, "expected the end of the line after '# EOF'"),
                row(OM, "#EOF\n", 1, 2, "expected ' ' after '#'"),
                row(OM, "# just a comment\n# EOF\n", 1, 3, "expected HELP, TYPE, UNIT or EOF"),
                row(OM, "a  1\n# EOF\n", 1, 3, "expected a float value, got ' '"),
                row(OM, "a\t1\n# EOF\n", 1, 2, "expected a single space before the value, got a tab"),
                row(OM, "a 1 \n# EOF\n", 1, 4, "trailing space"),
                row(OM, "a 1 1\t# {} 1\n# EOF\n", 1, 6, "expected a single space after the timestamp"),
                row(OM, "a{x=\"1\", y=\"2\"} 1\n# EOF\n", 1, 9, "expected a label name, got ' '"),
                row(OM, "a {x=\"1\"} 1\n# EOF\n", 1, 3, "expected a float value, got '{x"),
                row(OM, "# TYPE a gauge \n# EOF\n", 1, 15, "expected the end of the line"),
                row(T, "a 1\r\n", 1, 4, "carriage return"),
                row(T, "a 1", 1, 4, "expected a line feed at the end of the last line"),
                row(T, "# a comment", 1, 12, "expected a line feed"),
                // Exemplars: OpenMetrics only, and well formed.
                row(T, "a 1 # {} 1\n", 1, 5, "unexpected text after the value"),
                row(OM, "# TYPE c counter\nc_total 1 # 1\n# EOF\n", 2, 11, "expected ' # {' to start an exemplar"),
                row(OM, "# TYPE c counter\nc_total 1 # {a=\"1\"}\n# EOF\n", 2, 20, "expected ' ' before the exemplar value"),
                row(OM, "# TYPE c counter\nc_total 1 # {a=\"1\"} x\n# EOF\n", 2, 21, "expected a float exemplar value"),
                row(OM, "# TYPE c counter\nc_total 1 # {a=\"1\"} 1 2 3\n# EOF\n", 2, 24, "unexpected text after the exemplar"),
                row(OM, "# TYPE c counter\nc_total 1 # {a=\"" + "x".repeat(128) + "\"} 1\n# EOF\n", 2, 146, "at most 128"),
                // Encoding.
                rowBytes(T, new byte[] {'a', '{', 'x', '=', '"', (byte) 0xff, '"', '}', ' ', '1', '\n'}, 1, 6, "invalid UTF-8"),
                rowBytes(T, new byte[] {'a', '{', 'x', '=', '"', (byte) 0xc0, (byte) 0x80, '"', '}', ' ', '1', '\n'}, 1, 6, "invalid UTF-8"),
                rowBytes(T, new byte[] {'a', '{', 'x', '=', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}', ' ', '1', '\n'}, 1, 6,
                        "invalid UTF-8"),
                rowBytes(T, new byte[] {'#', ' ', 'H', 'E', 'L', 'P', ' ', 'a', ' ', (byte) 0xe2, (byte) 0x82, '\n'}, 1, 10, "invalid UTF-8"));
    }

    private static Arguments row(ExpositionFormat f, String input, int line, int column, String message) {
        return Arguments.of(f, input.getBytes(java.nio.charset.StandardCharsets.UTF_8), line, column, message);
    }

    private static Arguments rowBytes(ExpositionFormat f, byte[] input, int line, int column, String message) {
        return Arguments.of(f, input, line, column, message);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rejected")
    void parse_invalidInput_failsWithLineColumnAndReason(ExpositionFormat format, byte[] input, int line, int column,
            String message) {
        ParseException e = catchThrowableOfType(ParseException.class, () -> ExpositionParser.parse(input, format));
        assertThat(e).as("%s must be refused", new String(input, java.nio.charset.StandardCharsets.UTF_8)).isNotNull();
        assertThat(e.reason()).contains(message);
        assertThat(e.line()).as("line of: %s", e.getMessage()).isEqualTo(line);
        assertThat(e.column()).as("column of: %s", e.getMessage()).isEqualTo(column);
        assertThat(e.getMessage()).startsWith("line " + line + ", column " + column + ": ");
    }
}
