package dev.tether.tray.label;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ExpositionWriter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotBuilderTest {
    private static List<MetricFamily> target(String text, String job, String instance) throws Exception {
        return TargetLabeller.label(ExpositionParser.parse(text, ExpositionFormat.TEXT_004), job, instance);
    }

    @Test
    void build_sameFamilyFromTwoTargets_mergedIntoOneFamily() throws Exception {
        SnapshotBuilder b = new SnapshotBuilder();
        String text = "# HELP up_seconds uptime\n# TYPE up_seconds gauge\nup_seconds 3\n";
        b.addAll(target(text, "a", "h:1"), "a/h:1");
        b.addAll(target(text, "b", "h:2"), "b/h:2");

        Snapshot s = b.build();

        assertThat(s.families()).singleElement().satisfies(f -> assertThat(f.samples()).hasSize(2));
        assertThat(s.series()).isEqualTo(2);
        assertThat(s.conflicts()).isEmpty();
        // The written snapshot parses again: one TYPE per family, as the gateway requires.
        String written = ExpositionWriter.write(s.families(), ExpositionFormat.TEXT_004);
        assertThat(ExpositionParser.parse(written, ExpositionFormat.TEXT_004)).hasSize(1);
    }

    @Test
    void add_laterTargetDisagreesOnType_laterFamilyDroppedAndRecorded() throws Exception {
        SnapshotBuilder b = new SnapshotBuilder();
        b.addAll(target("# TYPE cpu_seconds counter\ncpu_seconds 10\n# TYPE mem gauge\nmem 1\n", "app", "h:1"), "app/h:1");
        int taken = b.addAll(target("# TYPE cpu_seconds gauge\ncpu_seconds 0.5\n# TYPE mem gauge\nmem 2\n", "node", "h:9100"),
                "node/h:9100");

        Snapshot s = b.build();

        assertThat(taken).isEqualTo(1);
        assertThat(s.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.family()).isEqualTo("cpu_seconds");
            assertThat(c.droppedFrom()).isEqualTo("node/h:9100");
            assertThat(c.droppedType()).isEqualTo("gauge");
            assertThat(c.keptType()).isEqualTo("counter");
        });
        assertThat(s.families()).extracting(MetricFamily::name).containsExactly("cpu_seconds", "mem");
        assertThat(s.families().get(0).samples()).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(10));
        assertThat(b.conflictCount()).isEqualTo(1);
    }

    @Test
    void add_gaugeShadowingHistogramSeries_dropped() throws Exception {
        SnapshotBuilder b = new SnapshotBuilder();
        b.addAll(target("# TYPE lat histogram\nlat_bucket{le=\"+Inf\"} 1\nlat_sum 0.5\nlat_count 1\n", "a", "h:1"), "a/h:1");
        b.addAll(target("# TYPE lat_count gauge\nlat_count 7\n", "b", "h:2"), "b/h:2");

        Snapshot s = b.build();

        assertThat(s.conflicts()).singleElement().satisfies(c -> assertThat(c.family()).isEqualTo("lat_count"));
        assertThat(s.families()).extracting(MetricFamily::name).containsExactly("lat");
    }

    @Test
    void add_sameSeriesTwice_firstKeptAndCounted() throws Exception {
        SnapshotBuilder b = new SnapshotBuilder();
        b.addAll(target("# TYPE g gauge\ng 1\n", "a", "h:1"), "a/h:1");
        b.addAll(target("# TYPE g gauge\ng 2\n", "a", "h:1"), "a/h:1");

        Snapshot s = b.build();

        assertThat(s.duplicates()).isEqualTo(1);
        assertThat(s.families().get(0).samples()).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(1));
    }
}
