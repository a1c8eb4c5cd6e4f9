package dev.tether.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.protocol.model.MetricFamily;
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
}
