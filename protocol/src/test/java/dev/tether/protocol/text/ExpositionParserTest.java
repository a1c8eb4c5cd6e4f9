package dev.tether.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
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
}
