package dev.tether.gateway.remotewrite;

import dev.tether.gateway.GatewayExtension;
import dev.tether.gateway.testing.PrometheusProcess;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote write into a real Prometheus (Debian's package, as a remote-write receiver): the samples
 * arrive with the right labels, which also checks the protobuf and the snappy encoding; when the host
 * lapses its series end at once (stale markers) instead of lingering for the 5-minute lookback.
 */
class RemoteWritePrometheusTest {
    @TempDir
    Path dir;

    @Test
    void push_thenLapse_prometheusHasTheSamplesThenTheSeriesEnd() throws Exception {
        Assumptions.assumeTrue(PrometheusProcess.available(),
                "skipped: " + PrometheusProcess.BINARY + " is missing; install the Debian package 'prometheus'");
        try (PrometheusProcess prom = PrometheusProcess.startReceiver(dir);
             TestGateway gw = TestGateway.start(dir.resolve("gw"), Clock.systemUTC(), b -> b
                     .minTtl(Duration.ofSeconds(1))
                     .remoteWriteUrls(List.of(URI.create(prom.remoteWriteUrl()))), GatewayExtension.of(RemoteWrite.extension()))) {
            String body = "# TYPE app_requests counter\napp_requests{job=\"billing\",instance=\"h:1\",path=\"/ä<b>\"} 42\n"
                    + "# TYPE app_latency histogram\napp_latency_bucket{le=\"0.1\"} 3\napp_latency_bucket{le=\"+Inf\"} 5\n"
                    + "app_latency_sum 0.7\napp_latency_count 5\n";
            assertThat(gw.client.put("alpha", body, "Tether-TTL", "3s").statusCode()).isEqualTo(200);

            List<Map<String, Object>> got = eventually(() -> prom.query("app_requests"), r -> !r.isEmpty());
            assertThat(got).hasSize(1);
            assertThat(got.get(0).get("metric")).isEqualTo(Map.of("__name__", "app_requests", "host", "alpha",
                    "job", "billing", "instance", "h:1", "path", "/ä<b>"));
            assertThat(((List<?>) got.get(0).get("value")).get(1)).isEqualTo("42");
            assertThat(prom.query("app_latency_bucket{host=\"alpha\",le=\"+Inf\"}")).hasSize(1);
            assertThat(prom.query("tether_host_up{host=\"alpha\"}")).extracting(m -> (Object) ((List<?>) m.get("value")).get(1))
                    .containsExactly("1");
            // Counted when Prometheus answers, which may be a moment after the samples can be queried.
            eventually(gw.client::metrics, m -> m.contains("tether_gateway_remote_write_sent_samples_total{url=\""
                    + prom.remoteWriteUrl() + "\"} 6.0"));

            // The 3 s TTL runs out: the sweep sends stale markers, well inside the 5-minute lookback.
            eventually(() -> prom.query("app_requests"), List::isEmpty);
            assertThat(prom.query("app_latency_count")).isEmpty();
            assertThat(prom.query("tether_host_up{host=\"alpha\"}")).extracting(m -> (Object) ((List<?>) m.get("value")).get(1))
                    .containsExactly("0");
            assertThat(gw.client.metrics())
                    .contains("tether_gateway_remote_write_failed_samples_total{url=\"" + prom.remoteWriteUrl() + "\"} 0.0")
                    .contains("tether_gateway_remote_write_dropped_total{url=\"" + prom.remoteWriteUrl() + "\"} 0.0");
        }
    }

    static <T> T eventually(Callable<T> read, java.util.function.Predicate<T> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T v = read.call();
        while (!done.test(v)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not there after 20 s: " + v);
            }
            Thread.sleep(200);
            v = read.call();
        }
        return v;
    }
}
