package dev.tether.gateway.persist;

import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.StoredMetrics;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Persistence through a real gateway: close, restart on the same dir, compare what is served. */
class PersistenceTest {
    static final String BODY = "# HELP x An x.\n# TYPE x gauge\nx{job=\"a\"} 1\n# TYPE c_total counter\nc_total 4\n";

    @TempDir
    Path dir;
    final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");

    @Test
    void close_thenRestart_servesTheSameHosts() {
        String metrics;
        String hosts;
        try (TestGateway gw = TestGateway.start(dir, clock)) {
            gw.client.put("alpha", BODY, "Tether-TTL", "10m");
            gw.client.pause("beta", "5m");
            gw.client.put("gamma", BODY, "Tether-TTL", "10m");
            gw.client.delete("gamma");
            metrics = StoredMetrics.of(gw.client.metrics());
            hosts = gw.client.get("/api/v1/hosts").body();
        }
        try (TestGateway gw = TestGateway.start(dir, clock)) {
            assertThat(StoredMetrics.of(gw.client.metrics())).isEqualTo(metrics);
            assertThat(gw.client.get("/api/v1/hosts").body()).isEqualTo(hosts);
        }
    }

    @Test
    void restart_afterTtlRanOutDuringDowntime_hostExpiredNotLive() {
        try (TestGateway gw = TestGateway.start(dir, clock)) {
            gw.client.put("alpha", BODY, "Tether-TTL", "1m");
            gw.client.put("beta", BODY, "Tether-TTL", "1h");
        }
        clock.advance(Duration.ofMinutes(5));
        try (TestGateway gw = TestGateway.start(dir, clock)) {
            String m = gw.client.metrics();
            assertThat(m).contains("tether_host_up{host=\"alpha\"} 0.0").doesNotContain("x{host=\"alpha\"")
                    .contains("tether_host_up{host=\"beta\"} 1.0").contains("x{host=\"beta\",job=\"a\"} 1.0");
            assertThat(gw.client.get("/api/v1/hosts").body()).contains("{\"host\":\"alpha\",\"state\":\"expired\"");
        }
    }

    @Test
    void start_corruptStateFile_movedAsideAndStartsEmpty() throws Exception {
        try (TestGateway gw = TestGateway.start(dir, clock)) {
            gw.client.put("alpha", BODY, "Tether-TTL", "1h");
        }
        Path state = dir.resolve("state");
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        try (TestGateway gw = TestGateway.start(dir, clock)) {
            assertThat(gw.client.metrics()).doesNotContain("alpha");
            assertThat(gw.client.get("/-/ready").statusCode()).isEqualTo(200);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("state.corrupt-2026"));
        }
    }

    @Test
    void start_garbageStateFile_movedAsideAndStartsEmpty() throws Exception {
        Files.writeString(dir.resolve("state"), "this is not a state file");

        try (TestGateway gw = TestGateway.start(dir, clock)) {
            assertThat(gw.client.put("alpha", BODY).statusCode()).isEqualTo(200);
        }
        assertThat(dir.resolve("state.corrupt-20260101T000000Z")).exists();
    }

    @Test
    void persist_unwritableDataDir_countedAndServingGoesOn() throws Exception {
        // A regular file where the directory should be: unwritable even for root.
        Path notADir = dir.resolve("blocked");
        Files.writeString(notADir, "x");
        try (TestGateway gw = TestGateway.start(notADir, clock)) {
            gw.client.put("alpha", BODY);

            assertThat(gw.gateway.persistNow()).isFalse();
            gw.client.put("alpha", BODY);
            assertThat(gw.gateway.persistNow()).isFalse();

            assertThat(gw.client.metrics()).contains("tether_gateway_persist_errors_total 2.0").contains("x{host=\"alpha\"");
        }
    }
}
