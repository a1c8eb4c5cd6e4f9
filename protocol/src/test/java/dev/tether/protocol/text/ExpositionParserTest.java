package dev.tether.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.bench.AgentBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionParserTest {

    private static List<MetricFamily> text(String s) throws ParseException {
        return ExpositionParser.parse(s, ExpositionFormat.TEXT_004);
    }

    private static List<MetricFamily> om(String s) throws ParseException {
        return ExpositionParser.parse(s, ExpositionFormat.OPENMETRICS);
    }

    @Test
    void parse_specExample_readsEveryFamily() throws ParseException {
        String body = """
                # HELP http_requests_total The total number of HTTP requests.
                # TYPE http_requests_total counter
                http_requests_total{method="post",code="200"} 1027 1395066363000
                http_requests_total{method="post",code="400"}    3 1395066363000

                # Escaping in label values:
                msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9

                # Minimalistic line:
                metric_without_timestamp_and_labels 12.47

                # A weird metric from before the epoch:
                something_weird{problem="division by zero"} +Inf -3982045

                # A histogram, which has a pretty complex representation in the text format:
                # HELP http_request_duration_seconds A histogram of the request duration.
                # TYPE http_request_duration_seconds histogram
                http_request_duration_seconds_bucket{le="0.05"} 24054
                http_request_duration_seconds_bucket{le="+Inf"} 144320
                http_request_duration_seconds_sum 53423
                http_request_duration_seconds_count 144320

                # Finally a summary, which has a complex representation, too:
                # HELP rpc_duration_seconds A summary of the RPC duration in seconds.
                # TYPE rpc_duration_seconds summary
                rpc_duration_seconds{quantile="0.01"} 3102
                rpc_duration_seconds{quantile="0.5"} 4773
                rpc_duration_seconds_sum 1.7560473e+07
                rpc_duration_seconds_count 2693
                """;
        List<MetricFamily> fams = text(body);
        assertThat(fams).extracting(MetricFamily::name).containsExactly("http_requests_total",
                "msdos_file_access_time_seconds", "metric_without_timestamp_and_labels", "something_weird",
                "http_request_duration_seconds", "rpc_duration_seconds");
        Sample first = fams.get(0).samples().get(0);
        assertThat(first.labels()).isEqualTo(Labels.of("method", "post", "code", "200"));
        assertThat(first.value()).isEqualTo(1027.0);
        assertThat(first.timestampMillis()).isEqualTo(1395066363000L);
        assertThat(fams.get(1).samples().get(0).labels().get("error")).isEqualTo("Cannot find file:\n\"FILE.TXT\"");
        assertThat(fams.get(1).samples().get(0).labels().get("path")).isEqualTo("C:\\DIR\\FILE.TXT");
        assertThat(fams.get(3).samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(fams.get(4).type()).isEqualTo(MetricType.HISTOGRAM);
        assertThat(fams.get(4).samples()).hasSize(4);
        assertThat(fams.get(5).samples().get(2).value()).isEqualTo(1.7560473e7);
    }

    @Test
    void parse_bucketWithoutLe_failsWithLineAndColumn() {
        assertThatThrownBy(() -> text("# TYPE h histogram\nh_bucket{a=\"b\"} 1\n"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("line 2, column 1")
                .hasMessageContaining("'le'");
    }

    @Test
    void parse_secondType_fails() {
        assertThatThrownBy(() -> text("# TYPE a gauge\n# TYPE a gauge\n"))
                .hasMessageContaining("line 2").hasMessageContaining("second TYPE");
    }

    @Test
    void parse_typeAfterSamples_fails() {
        assertThatThrownBy(() -> text("a 1\n# TYPE a gauge\n"))
                .hasMessageContaining("line 2").hasMessageContaining("after its samples");
    }

    @Test
    void parse_duplicateLabel_fails() {
        assertThatThrownBy(() -> text("a{x=\"1\",x=\"2\"} 1\n")).hasMessageContaining("duplicate label name 'x'");
    }

    @Test
    void parse_unterminatedQuote_fails() {
        assertThatThrownBy(() -> text("a{x=\"1} 1\n")).hasMessageContaining("line 1, column 5").hasMessageContaining("unterminated");
    }

    @Test
    void parse_badEscape_fails() {
        assertThatThrownBy(() -> text("a{x=\"\\q\"} 1\n")).hasMessageContaining("invalid escape sequence '\\q'");
    }

    @Test
    void parse_valueNotFloat_fails() {
        assertThatThrownBy(() -> text("a 12abc\n")).hasMessageContaining("line 1, column 3").hasMessageContaining("'12abc'");
    }

    @Test
    void parse_invalidMetricName_fails() {
        assertThatThrownBy(() -> text("1abc 1\n")).hasMessageContaining("expected a metric name");
        assertThatThrownBy(() -> text("ab-c 1\n")).hasMessageContaining("invalid character '-'");
    }

    @Test
    void parse_specialFloats_accepted() throws ParseException {
        List<MetricFamily> f = text("a +Inf\nb -Inf\nc NaN\n");
        assertThat(f.get(0).samples().get(0).value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.get(1).samples().get(0).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(f.get(2).samples().get(0).value()).isNaN();
    }

    @Test
    void parse_openMetricsCounter_needsTotalSuffixAndEof() throws ParseException {
        List<MetricFamily> f = om("# TYPE c counter\nc_total 3\nc_created 1.5e9\n# EOF\n");
        assertThat(f.get(0).samples()).extracting(Sample::name).containsExactly("c_total", "c_created");
        assertThatThrownBy(() -> om("# TYPE c counter\nc_total 3\n")).hasMessageContaining("# EOF");
        assertThatThrownBy(() -> om("# TYPE c counter\nc 3\n# EOF\n")).hasMessageContaining("c_total");
    }

    @Test
    void parse_nonContiguousFamily_fails() {
        assertThatThrownBy(() -> text("a 1\nb 1\na 2\n")).hasMessageContaining("line 3").hasMessageContaining("contiguous");
    }

    // ---- accepted input ----

    @Test
    void parse_specialFloats_acceptedInEveryCase() throws ParseException {
        List<MetricFamily> f = text("a +inf\nb -INF\nc nan\nd Infinity\ne -infinity\ng 1.5E+3\nh .5\ni 5.\nj -0\n");
        assertThat(f).extracting(x -> x.samples().get(0).value()).containsExactly(Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1500.0, 0.5, 5.0, -0.0);
    }

    @Test
    void parse_floats_exactlyAsDoubleParseDouble() throws ParseException {
        String[] values = {"0.1", "0.3", "123456789012345", "1234567890123456789", "0.000000000000000000000001",
            "1.7976931348623157e308", "4.9e-324", "2.2250738585072014E-308", "-12.345678901234", "3.141592653589793",
            "1e-400", "100000000000000000000000"};
        for (String v : values) {
            assertThat(text("a " + v + "\n").get(0).samples().get(0).value()).as(v).isEqualTo(Double.parseDouble(v));
        }
    }

    @Test
    void parse_labelEscapes_unescaped() throws ParseException {
        Sample s = text("a{x=\"back\\\\slash\",y=\"q\\\"uote\",z=\"new\\nline\"} 1\n").get(0).samples().get(0);
        assertThat(s.labels().get("x")).isEqualTo("back\\slash");
        assertThat(s.labels().get("y")).isEqualTo("q\"uote");
        assertThat(s.labels().get("z")).isEqualTo("new\nline");
    }

    @Test
    void parse_labelValueWithUtf8AndSpecialCharacters_keptVerbatim() throws ParseException {
        Sample s = om("a{x=\"héllo wörld 日本 🎉\",y=\"a=b,c}{\\\"#\",z=\"\"} 1\n# EOF\n").get(0).samples().get(0);
        assertThat(s.labels().get("x")).isEqualTo("héllo wörld 日本 🎉");
        assertThat(s.labels().get("y")).isEqualTo("a=b,c}{\"#");
        assertThat(s.labels().get("z")).isEmpty();
    }

    @Test
    void parse_helpEscapes_unescapedPerFormat() throws ParseException {
        assertThat(text("# HELP a one\\\\two\\nthree \"quoted\"\n").get(0).help()).isEqualTo("one\\two\nthree \"quoted\"");
        assertThat(om("# HELP a one\\\\two\\nthree \\\"quoted\\\"\n# EOF\n").get(0).help()).isEqualTo("one\\two\nthree \"quoted\"");
        assertThat(text("# HELP\n")).isEmpty(); // '# HELP' alone is a plain comment, as in Go
        assertThat(text("# HELP a\n").get(0).help()).isEmpty();
        assertThat(text("# HELP a \n").get(0).help()).isEmpty();
    }

    @Test
    void parse_timestamps_reportedSoCallersCanRefuseThem() throws ParseException {
        Sample t = text("a 1 1395066363000\n").get(0).samples().get(0);
        assertThat(t.hasTimestamp()).isTrue();
        assertThat(t.timestampMillis()).isEqualTo(1395066363000L);
        assertThat(text("a 1 -3982045\n").get(0).samples().get(0).timestampMillis()).isEqualTo(-3982045L);
        assertThat(text("a 1 +5\n").get(0).samples().get(0).timestampMillis()).isEqualTo(5L);
        assertThat(text("a 1\n").get(0).samples().get(0).hasTimestamp()).isFalse();
        assertThat(om("a 1 1395066363.5\n# EOF\n").get(0).samples().get(0).timestampMillis()).isEqualTo(1395066363500L);
        assertThat(om("a 1 1.5e3\n# EOF\n").get(0).samples().get(0).timestampMillis()).isEqualTo(1_500_000L);
        assertThat(om("a 1 -1.25\n# EOF\n").get(0).samples().get(0).timestampMillis()).isEqualTo(-1250L);
        assertThat(om("a 1 8999999999999.999\n# EOF\n").get(0).samples().get(0).timestampMillis()).isEqualTo(8999999999999999L);
    }

    @Test
    void parse_text004Whitespace_blanksAndTabsAccepted() throws ParseException {
        List<MetricFamily> f = text("  # TYPE a gauge\n\ta {x = \"1\" , y=\"2\",}\t 3 \t 7 \n   \n#\tTYPE\tb\tcounter\t\nb\t4\n");
        assertThat(f.get(0).type()).isEqualTo(MetricType.GAUGE);
        assertThat(f.get(0).samples().get(0)).isEqualTo(new Sample("a", Labels.of("x", "1", "y", "2"), 3, 7));
        assertThat(f.get(1).type()).isEqualTo(MetricType.COUNTER);
    }

    @Test
    void parse_plainComments_ignoredInText004() throws ParseException {
        assertThat(text("# just a comment\n#\n# UNIT a_s s\n# HELP\na 1\n")).extracting(MetricFamily::name).containsExactly("a");
    }

    @Test
    void parse_emptyInput_noFamilies() throws ParseException {
        assertThat(text("")).isEmpty();
        assertThat(text("\n\n")).isEmpty();
        assertThat(om("# EOF\n")).isEmpty();
        assertThat(om("# EOF")).isEmpty();
    }

    @Test
    void parse_metadataOnly_familyWithoutSamples() throws ParseException {
        List<MetricFamily> f = text("# HELP a help\n# TYPE a counter\n");
        assertThat(f).containsExactly(new MetricFamily("a", MetricType.COUNTER, "help", List.of()));
    }

    @Test
    void parse_untypedSamples_eachNameItsOwnFamily() throws ParseException {
        List<MetricFamily> f = text("a_bucket{le=\"1\"} 1\na_sum 2\na 3\n");
        assertThat(f).extracting(MetricFamily::name).containsExactly("a_bucket", "a_sum", "a");
        assertThat(f).extracting(MetricFamily::type).containsOnly(MetricType.UNKNOWN);
    }

    @Test
    void parse_text004Counter_samplesCarryTheFamilyName() throws ParseException {
        List<MetricFamily> f = text("# TYPE c_total counter\nc_total 1\n# TYPE d counter\nd 2\n");
        assertThat(f).extracting(MetricFamily::name).containsExactly("c_total", "d");
        assertThatThrownBy(() -> text("# TYPE c counter\nc_total 1\nc 2\n")).hasMessageContaining("line 3");
    }

    @Test
    void parse_histogramAndSummary_allSampleKinds() throws ParseException {
        List<MetricFamily> f = text("""
                # TYPE h histogram
                h_bucket{le="0.1"} 1
                h_bucket{le="+Inf"} 2
                h_sum 0.5
                h_count 2
                # TYPE s summary
                s{quantile="0.99"} 3
                s{quantile="NaN"} 3
                s_sum 4
                s_count 5
                """);
        assertThat(f.get(0).samples()).extracting(Sample::name).containsExactly("h_bucket", "h_bucket", "h_sum", "h_count");
        assertThat(f.get(1).samples()).hasSize(4);
    }

    @Test
    void parse_metricNamesWithColons_accepted() throws ParseException {
        assertThat(text("job:requests:rate5m{a=\"b\"} 1\n:x 2\n")).extracting(MetricFamily::name)
                .containsExactly("job:requests:rate5m", ":x");
    }

    @Test
    void parse_sameStringsAcrossLines_reused() throws ParseException {
        List<MetricFamily> f = text("a{x=\"v\",y=\"w\"} 1\na{x=\"v\",y=\"z\"} 2\nb{y=\"w\",x=\"v\"} 3\n");
        Sample s1 = f.get(0).samples().get(0);
        Sample s2 = f.get(0).samples().get(1);
        Sample s3 = f.get(1).samples().get(0);
        assertThat(s2.name()).isSameAs(s1.name());
        assertThat(s2.labels().name(0)).isSameAs(s1.labels().name(0));
        assertThat(s2.labels().value(0)).isSameAs(s1.labels().value(0));
        assertThat(s3.labels().value(1)).isSameAs(s1.labels().value(1));
        assertThat(s3.labels()).isEqualTo(Labels.of("x", "v", "y", "w"));
    }

    // ---- OpenMetrics specifics ----

    @Test
    void parse_openMetricsSpecExample_readsEveryType() throws ParseException {
        String body = """
                # TYPE acme_http_router_request_seconds summary
                # UNIT acme_http_router_request_seconds seconds
                # HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
                acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
                acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
                acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
                # TYPE go_goroutines gauge
                go_goroutines 69
                # TYPE process_cpu_seconds counter
                # UNIT process_cpu_seconds seconds
                process_cpu_seconds_total 4.20072246e+06
                # TYPE foo histogram
                foo_bucket{le="0.0"} 0
                foo_bucket{le="1e-05"} 0 # {trace_id="3a2f"} 1e-06 1605281325.5
                foo_bucket{le="+Inf"} 17
                foo_count 17
                foo_sum 324789.3
                foo_created 1520430000.123
                # TYPE build info
                build_info{version="1.2"} 1
                # TYPE feature stateset
                feature{feature="a"} 1
                feature{feature="b"} 0
                # TYPE queue gaugehistogram
                queue_bucket{le="1"} 2
                queue_bucket{le="+Inf"} 3
                queue_gcount 3
                queue_gsum 4
                # TYPE other unknown
                other 1
                # EOF
                """;
        List<MetricFamily> f = om(body);
        assertThat(f).extracting(MetricFamily::type).containsExactly(MetricType.SUMMARY, MetricType.GAUGE, MetricType.COUNTER,
                MetricType.HISTOGRAM, MetricType.INFO, MetricType.STATESET, MetricType.GAUGE_HISTOGRAM, MetricType.UNKNOWN);
        assertThat(f.get(0).unit()).isEqualTo("seconds");
        assertThat(f.get(0).help()).isEqualTo("Latency though all of ACME's HTTP request router.");
        assertThat(f.get(2).samples()).extracting(Sample::name).containsExactly("process_cpu_seconds_total");
        assertThat(f.get(3).samples()).extracting(Sample::name).contains("foo_created");
        // The exemplar is checked and dropped.
        assertThat(f.get(3).samples().get(1)).isEqualTo(new Sample("foo_bucket", Labels.of("le", "1e-05"), 0));
    }

    @Test
    void parse_openMetricsExemplarWithoutTimestamp_accepted() throws ParseException {
        List<MetricFamily> f = om("# TYPE c counter\nc_total 1 1.5 # {} 2\nc_created 3 # {a=\"b\"} 4\n# EOF\n");
        assertThat(f.get(0).samples().get(0).timestampMillis()).isEqualTo(1500L);
    }

    @Test
    void parse_openMetricsEofWithoutNewline_accepted() throws ParseException {
        assertThat(om("a 1\n# EOF")).hasSize(1);
    }

    @Test
    void parse_openMetricsEmptyUnit_accepted() throws ParseException {
        assertThat(om("# UNIT a \n# EOF\n").get(0).unit()).isEmpty();
    }

    // ---- streaming ----

    @Test
    void parseStream_lineLongerThan64KiB_parsed() throws Exception {
        String value = "v".repeat(200_000);
        String body = "# TYPE a gauge\na{x=\"" + value + "\"} 1\nb 2\n";
        List<MetricFamily> f = stream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), ExpositionFormat.TEXT_004);
        assertThat(f.get(0).samples().get(0).labels().get("x")).isEqualTo(value);
        assertThat(f.get(1).name()).isEqualTo("b");
    }

    @Test
    void parseStream_oneByteAtATime_sameAsWholeBody() throws Exception {
        String body = AgentBody.text() + "long{x=\"" + "y".repeat(70_000) + "\"} 1\n";
        List<MetricFamily> expected = text(body);
        List<MetricFamily> f = stream(new OneByteStream(body.getBytes(StandardCharsets.UTF_8)), ExpositionFormat.TEXT_004);
        assertThat(f).isEqualTo(expected);
    }

    @Test
    void parseStream_openMetricsOneByteAtATime_sameAsWholeBody() throws Exception {
        String body = ExpositionWriter.write(text(AgentBody.text()), ExpositionFormat.OPENMETRICS);
        List<MetricFamily> f = stream(new OneByteStream(body.getBytes(StandardCharsets.UTF_8)), ExpositionFormat.OPENMETRICS);
        assertThat(f).isEqualTo(om(body));
    }

    @Test
    void parseStream_errorAfterBufferRefills_reportsTheRightLine() {
        String body = "a 1\n".repeat(30_000) + "b x\n";
        assertThatThrownBy(() -> stream(new OneByteStream(body.getBytes(StandardCharsets.UTF_8)), ExpositionFormat.TEXT_004))
                .isInstanceOf(ParseException.class).hasMessageStartingWith("line 30001, column 3:");
    }

    @Test
    void parseStream_familiesHandedOnAsTheyComplete() throws Exception {
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> ExpositionParser.parse(new ByteArrayInputStream("a 1\nb 2\nc x\n".getBytes(StandardCharsets.UTF_8)),
                ExpositionFormat.TEXT_004, fam -> seen.add(fam.name()))).isInstanceOf(ParseException.class);
        // 'b' is still open when line 3 fails (a 'c' sample could have been b's), so only 'a' was handed on.
        assertThat(seen).containsExactly("a");
    }

    @Test
    void parseStream_readFails_ioExceptionPropagates() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("boom");
            }
        };
        assertThatThrownBy(() -> ExpositionParser.parse(broken, ExpositionFormat.TEXT_004, fam -> { }))
                .isInstanceOf(IOException.class).hasMessage("boom");
    }

    @Test
    void parse_agentBody_hasTheBenchmarksLineAndSeriesCount() throws ParseException {
        String body = AgentBody.text();
        assertThat(body.split("\n", -1)).hasSize(AgentBody.LINES + 1);
        assertThat(text(body).stream().mapToInt(f -> f.samples().size()).sum()).isBetween(500, 520);
    }

    private static List<MetricFamily> stream(InputStream in, ExpositionFormat format) throws ParseException, IOException {
        List<MetricFamily> out = new ArrayList<>();
        ExpositionParser.parse(in, format, out::add);
        return out;
    }

    /** A stream that returns one byte per read, as a slow network might. */
    private static final class OneByteStream extends InputStream {
        private final byte[] data;
        private int pos;

        OneByteStream(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            return pos < data.length ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (pos >= data.length) {
                return -1;
            }
            b[off] = data[pos++];
            return 1;
        }
    }
}
