package dev.tether.tray.label;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetLabellerTest {
    @Test
    void label_agentSeries_getJobAndInstanceAndLoseTimestamps() throws Exception {
        List<MetricFamily> raw = ExpositionParser.parse(
                "# TYPE jvm_threads gauge\njvm_threads{state=\"runnable\"} 12 1700000000000\n", ExpositionFormat.TEXT_004);

        List<MetricFamily> out = TargetLabeller.label(raw, "shop", "box:123");

        Sample s = out.get(0).samples().get(0);
        assertThat(s.labels()).isEqualTo(Labels.of("job", "shop", "instance", "box:123", "state", "runnable"));
        assertThat(s.hasTimestamp()).isFalse();
        assertThat(s.value()).isEqualTo(12);
    }

    @Test
    void label_targetWithOwnJobLabel_keptAsExportedJob() {
        MetricFamily f = new MetricFamily("x", MetricType.GAUGE, null,
                List.of(new Sample("x", Labels.of("job", "theirs", "instance", "i"), 1)));

        Sample s = TargetLabeller.label(List.of(f), "node", "127.0.0.1:9100").get(0).samples().get(0);

        assertThat(s.labels().toMap()).containsEntry("job", "node").containsEntry("instance", "127.0.0.1:9100")
                .containsEntry("exported_job", "theirs").containsEntry("exported_instance", "i");
    }

    @Test
    void label_openMetricsCounter_normalisedToText004Name() throws Exception {
        List<MetricFamily> raw = ExpositionParser.parse(
                "# TYPE requests counter\nrequests_total 5\nrequests_created 1.7e9\n# EOF\n", ExpositionFormat.OPENMETRICS);

        List<MetricFamily> out = TargetLabeller.label(raw, "a", "h:1");

        assertThat(out).extracting(MetricFamily::name).containsExactly("requests_total", "requests_created");
        assertThat(out.get(0).type()).isEqualTo(MetricType.COUNTER);
        assertThat(out.get(1).type()).isEqualTo(MetricType.GAUGE);
    }
}
