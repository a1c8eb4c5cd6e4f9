package dev.tether.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.protocol.bench.AgentBody;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpositionWriterTest {

    private static final String TEXT = """
            # HELP a_total Requests with "quotes" and \\\\ and \\n.
            # TYPE a_total counter
            a_total{method="GET",path="/x\\"y\\\\z\\n"} 1.0
            # TYPE h histogram
            h_bucket{le="0.1"} 1.0
            h_bucket{le="+Inf"} 2.0
            h_sum 0.25
            h_count 2.0
            # TYPE g gauge
            g NaN
            g{x="1"} -0.0 1700000000000
            """;

    @Test
    void write_text004_roundTripsParsedInput() throws ParseException {
        List<MetricFamily> parsed = ExpositionParser.parse(TEXT, ExpositionFormat.TEXT_004);
        String written = ExpositionWriter.write(parsed, ExpositionFormat.TEXT_004);
        assertThat(ExpositionParser.parse(written, ExpositionFormat.TEXT_004)).isEqualTo(parsed);
    }

    @Test
    void write_openMetrics_convertsCounterAndRoundTrips() throws ParseException {
        List<MetricFamily> parsed = ExpositionParser.parse(TEXT, ExpositionFormat.TEXT_004);
        String om = ExpositionWriter.write(parsed, ExpositionFormat.OPENMETRICS);
        assertThat(om).contains("# TYPE a counter\n").endsWith("# EOF\n");
        List<MetricFamily> reparsed = ExpositionParser.parse(om, ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionWriter.write(reparsed, ExpositionFormat.OPENMETRICS)).isEqualTo(om);
        // Back to 0.0.4: the same text as the first write.
        assertThat(ExpositionWriter.write(reparsed, ExpositionFormat.TEXT_004))
                .isEqualTo(ExpositionWriter.write(parsed, ExpositionFormat.TEXT_004));
    }

    private static final String OM = """
            # TYPE acme_seconds summary
            # UNIT acme_seconds seconds
            # HELP acme_seconds Latency with \\"quotes\\", \\\\ and \\n.
            acme_seconds{quantile="0.5"} 0.25
            acme_seconds_sum{path="/api/v1"} 9036.32 1605281325.5
            acme_seconds_count{path="/api/v1"} 807283.0
            acme_seconds_created{path="/api/v1"} 1605281325.0
            # TYPE c counter
            c_total{x="y\\\\z"} 4.20072246e+06 -1.5
            c_created 1.5e9
            # TYPE h histogram
            h_bucket{le="0.0"} 0
            h_bucket{le="+Inf"} 17 # {trace_id="a"} 1
            h_count 17
            h_sum 324789.3
            # TYPE gh gaugehistogram
            gh_bucket{le="1"} 2
            gh_gcount 2
            gh_gsum 4
            # TYPE i info
            i_info{v="1"} 1
            # TYPE s stateset
            s{s="a"} 1
            s{s="b"} 0
            # TYPE u unknown
            u NaN
            # HELP empty
            # EOF
            """;

    @Test
    void write_openMetrics_roundTripsParsedInput() throws ParseException {
        List<MetricFamily> parsed = ExpositionParser.parse(OM, ExpositionFormat.OPENMETRICS);
        String written = ExpositionWriter.write(parsed, ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionParser.parse(written, ExpositionFormat.OPENMETRICS)).isEqualTo(parsed);
        assertThat(ExpositionWriter.write(ExpositionParser.parse(written, ExpositionFormat.OPENMETRICS), ExpositionFormat.OPENMETRICS))
                .isEqualTo(written);
    }

    @Test
    void write_openMetricsTypesAsText004_becomeGaugesThatParse() throws ParseException {
        List<MetricFamily> parsed = ExpositionParser.parse(OM, ExpositionFormat.OPENMETRICS);
        String text = ExpositionWriter.write(parsed, ExpositionFormat.TEXT_004);
        List<MetricFamily> back = ExpositionParser.parse(text, ExpositionFormat.TEXT_004);
        // Sample names never change, so every series survives the conversion.
        assertThat(back.stream().mapToInt(f -> f.samples().size()).sum())
                .isEqualTo(parsed.stream().mapToInt(f -> f.samples().size()).sum());
        assertThat(text).contains("# TYPE c_total counter\n", "# TYPE c_created gauge\n", "# TYPE gh_bucket gauge\n",
                "# TYPE i_info gauge\n", "# TYPE acme_seconds_created gauge\n").doesNotContain("null");
    }

    @Test
    void write_agentBody_roundTripsInBothFormats() throws ParseException {
        List<MetricFamily> parsed = ExpositionParser.parse(AgentBody.text(), ExpositionFormat.TEXT_004);
        assertThat(ExpositionParser.parse(ExpositionWriter.write(parsed, ExpositionFormat.TEXT_004), ExpositionFormat.TEXT_004))
                .isEqualTo(parsed);
        List<MetricFamily> om = ExpositionParser.parse(ExpositionWriter.write(parsed, ExpositionFormat.OPENMETRICS),
                ExpositionFormat.OPENMETRICS);
        assertThat(ExpositionParser.parse(ExpositionWriter.write(om, ExpositionFormat.OPENMETRICS), ExpositionFormat.OPENMETRICS))
                .isEqualTo(om);
    }

    @Test
    void write_negativeTimestampInOpenMetrics_keepsItsValue() throws ParseException {
        for (long ms : new long[] {-1500, -1, -999, -1000, -1001, 0, 1, 999, 1001, 1700000000123L, -3982045}) {
            List<MetricFamily> f = List.of(new MetricFamily("g", MetricType.GAUGE, null,
                    List.of(new Sample("g", Labels.EMPTY, 1, ms))));
            String om = ExpositionWriter.write(f, ExpositionFormat.OPENMETRICS);
            assertThat(ExpositionParser.parse(om, ExpositionFormat.OPENMETRICS)).as(om).isEqualTo(f);
            assertThat(ExpositionParser.parse(ExpositionWriter.write(f, ExpositionFormat.TEXT_004), ExpositionFormat.TEXT_004))
                    .isEqualTo(f);
        }
        StringBuilder sb = new StringBuilder();
        ExpositionWriter.writeSample(new Sample("g", Labels.EMPTY, 1, -1500), ExpositionFormat.OPENMETRICS, sb);
        assertThat(sb).hasToString("g 1.0 -1.5\n");
    }

    @Test
    void writeDouble_specialAndOrdinaryValues_readBackBitForBit() throws ParseException {
        double[] values = {0.0, -0.0, 1.0, -1.0, 0.1, 1e15, 1e16, 123456789.123, Double.MIN_VALUE, Double.MAX_VALUE,
            -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.0 / 3, 4.35, 1e-300};
        for (double v : values) {
            StringBuilder sb = new StringBuilder("a ");
            ExpositionWriter.writeDouble(v, sb);
            double back = ExpositionParser.parse(sb + "\n", ExpositionFormat.TEXT_004).get(0).samples().get(0).value();
            assertThat(Double.doubleToRawLongBits(back)).as(sb.toString()).isEqualTo(Double.doubleToRawLongBits(v));
        }
        StringBuilder sb = new StringBuilder();
        ExpositionWriter.writeDouble(Double.POSITIVE_INFINITY, sb);
        sb.append(' ');
        ExpositionWriter.writeDouble(3, sb);
        assertThat(sb).hasToString("+Inf 3.0");
    }

    @Test
    void writeHeader_typeMissingInText004_writtenAsUntyped() {
        StringBuilder sb = new StringBuilder();
        ExpositionWriter.writeHeader(new MetricFamily("i", MetricType.INFO, "h", List.of()), ExpositionFormat.TEXT_004, sb);
        assertThat(sb).hasToString("# HELP i h\n# TYPE i untyped\n");
    }

    @Test
    void write_labelValuesNeedingEscapes_escapedAndRead() throws ParseException {
        Labels labels = Labels.of("a", "q\"uote", "b", "back\\slash", "c", "new\nline", "d", "日本 🎉", "e", "");
        List<MetricFamily> f = List.of(new MetricFamily("g", MetricType.GAUGE, "multi\nline \\ \"help\"",
                List.of(new Sample("g", labels, 2))));
        for (ExpositionFormat format : ExpositionFormat.values()) {
            String written = ExpositionWriter.write(f, format);
            assertThat(written).contains("a=\"q\\\"uote\",b=\"back\\\\slash\",c=\"new\\nline\"");
            assertThat(ExpositionParser.parse(written, format)).isEqualTo(f);
        }
    }

    @Test
    void writeEof_onlyForOpenMetrics() {
        StringBuilder sb = new StringBuilder();
        ExpositionWriter.writeEof(ExpositionFormat.TEXT_004, sb);
        assertThat(sb).isEmpty();
        ExpositionWriter.writeEof(ExpositionFormat.OPENMETRICS, sb);
        assertThat(sb).hasToString("# EOF\n");
    }

    @Test
    void write_text004CounterWhoseBaseNameIsTaken_staysUnknownInOpenMetrics() throws ParseException {
        List<MetricFamily> parsed = ExpositionParser.parse(
                "# TYPE foo gauge\nfoo 1\n# TYPE foo_total counter\nfoo_total 2\n# TYPE bar_created gauge\nbar_created 3\n"
                        + "# TYPE bar_total counter\nbar_total 4\n# TYPE baz_total counter\nbaz_total 5\n",
                ExpositionFormat.TEXT_004);
        String om = ExpositionWriter.write(parsed, ExpositionFormat.OPENMETRICS);
        assertThat(om).contains("# TYPE foo_total unknown\n", "# TYPE bar_total unknown\n", "# TYPE baz counter\n");
        assertThat(ExpositionParser.parse(om, ExpositionFormat.OPENMETRICS)).hasSize(5);
    }
}
