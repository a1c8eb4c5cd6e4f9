package dev.tether.tray.core;

import dev.tether.tray.discovery.Target;
import dev.tether.tray.label.TypeConflict;
import dev.tether.tray.scrape.ScrapeResult;
import dev.tether.tray.status.TargetStatus;
import dev.tether.tray.testing.RecordingLog;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TargetReportTest {
    private final RecordingLog log = new RecordingLog();
    private final TargetReport report = new TargetReport(log);
    private final Target node = Target.fixed("node", "127.0.0.1:9100", URI.create("http://127.0.0.1:9100/metrics"));
    private final TypeConflict conflict = new TypeConflict("x", "node/127.0.0.1:9100", "gauge", "shop/h:1", "counter");

    @Test
    void update_sameProblemsEveryCycle_oneLineEachThenRecovery() {
        List<ScrapeResult> down = List.of(ScrapeResult.down(node, Duration.ZERO, "connection refused"));
        List<ScrapeResult> up = List.of(ScrapeResult.up(node, List.of(), Duration.ofMillis(3)));

        for (int i = 0; i < 3; i++) {
            report.update(down, new int[] {0}, List.of());
        }
        for (int i = 0; i < 3; i++) {
            report.update(up, new int[] {0}, List.of(conflict));
        }
        List<TargetStatus> last = report.update(up, new int[] {4}, List.of(conflict));

        assertThat(log.containing("is down: connection refused")).hasSize(1);
        assertThat(log.containing("is up again")).hasSize(1);
        assertThat(log.containing("family x of node/127.0.0.1:9100 (gauge) dropped")).hasSize(1);
        assertThat(last).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TargetStatus.State.UP);
            assertThat(t.series()).isEqualTo(4);
            assertThat(t.conflicts()).hasSize(1);
        });
    }
}
