package dev.tether.gateway.http;

import dev.tether.gateway.testing.GatewayClient;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestGateway;
import dev.tether.protocol.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The native API over real HTTP, with a fake clock for every TTL decision. */
class HostsApiTest {
    static final String BODY_A = "# HELP jvm_threads Live threads.\n# TYPE jvm_threads gauge\n"
            + "jvm_threads{job=\"app\",instance=\"a:1\"} 12\n"
            + "# TYPE http_requests_total counter\nhttp_requests_total{job=\"app\",host=\"spoofed\"} 5\n";
    static final String BODY_B = "# HELP jvm_threads Live threads (newer agent).\n# TYPE jvm_threads gauge\n"
            + "jvm_threads{job=\"app\",instance=\"b:1\"} 7\n";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    TestGateway gw;
    GatewayClient client;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir, clock);
        client = gw.client;
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    @Test
    void put_validSnapshot_answersJsonAndServesSeriesWithHostLabel() throws Exception {
        HttpResponse<String> r = client.put("alpha", BODY_A, "Content-Type", "text/plain; version=0.0.4", "Tether-TTL", "30s");

        assertThat(r.statusCode()).isEqualTo(200);
        Map<String, Object> json = Json.parseObject(r.body());
        assertThat(json).containsEntry("host", "alpha").containsEntry("expiresAt", "2026-01-01T00:00:30Z");
        assertThat(((Number) json.get("series")).intValue()).isEqualTo(2);
        assertThat(((Number) json.get("ttlSeconds")).intValue()).isEqualTo(30);
        String m = client.metrics();
        assertThat(m).contains("jvm_threads{host=\"alpha\",instance=\"a:1\",job=\"app\"} 12.0\n")
                // The URL names the host; a pushed host label is kept, as exported_host, never as host.
                .contains("http_requests_total{exported_host=\"spoofed\",host=\"alpha\",job=\"app\"} 5.0\n")
                .doesNotContainPattern("[{,]host=\"spoofed\"")
                .contains("tether_host_up{host=\"alpha\"} 1.0\n")
                .contains("tether_host_paused{host=\"alpha\"} 0.0\n")
                .contains("tether_host_ttl_seconds{host=\"alpha\"} 30.0\n")
                .contains("tether_host_last_push_timestamp_seconds{host=\"alpha\"} 1767225600.0\n");
    }

    @Test
    void put_noContentTypeAndNoTtl_text004WithDefaultTtl() throws Exception {
        HttpResponse<String> r = client.put("alpha", BODY_A);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(((Number) Json.parseObject(r.body()).get("ttlSeconds")).intValue()).isEqualTo(45);
    }

    @Test
    void put_ttlOutsideBounds_clampedToMinAndMax() throws Exception {
        assertThat(Json.parseObject(client.put("a", BODY_A, "Tether-TTL", "1s").body()).get("ttlSeconds")).isEqualTo(5L);
        assertThat(Json.parseObject(client.put("a", BODY_A, "Tether-TTL", "30d").body()).get("ttlSeconds")).isEqualTo(86400L);
    }

    @Test
    void put_twoHosts_familiesMergedUnderOneHeaderWithNewestHelp() {
        client.put("alpha", BODY_A);
        clock.advance(Duration.ofSeconds(1));
        client.put("beta", BODY_B);

        String m = client.metrics();
        assertThat(m.split("# TYPE jvm_threads gauge", -1)).hasSize(2);
        assertThat(m).contains("# HELP jvm_threads Live threads (newer agent).\n# TYPE jvm_threads gauge\n"
                + "jvm_threads{host=\"alpha\",instance=\"a:1\",job=\"app\"} 12.0\n"
                + "jvm_threads{host=\"beta\",instance=\"b:1\",job=\"app\"} 7.0\n");
    }

    @Test
    void put_openMetricsCounter_mergesWithText004CounterOfAnotherHost() {
        client.put("alpha", BODY_A);
        String om = "# TYPE http_requests counter\nhttp_requests_total{job=\"app\"} 9\n# EOF\n";
        HttpResponse<String> r = client.put("beta", om, "Content-Type", "application/openmetrics-text; version=1.0.0");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String m = client.metrics();
        assertThat(m.split("# TYPE http_requests_total counter", -1)).hasSize(2);
        assertThat(m).contains("http_requests_total{exported_host=\"spoofed\",host=\"alpha\",job=\"app\"} 5.0\nhttp_requests_total{host=\"beta\",job=\"app\"} 9.0\n");
    }

    @Test
    void put_secondPush_replacesWholeSnapshot() {
        client.put("alpha", BODY_A);
        client.put("alpha", "# TYPE other gauge\nother 1\n");

        String m = client.metrics();
        assertThat(m).contains("other{host=\"alpha\"} 1.0").doesNotContain("jvm_threads").doesNotContain("http_requests_total{");
    }

    @Test
    void metrics_ttlLapsed_seriesGoneAndUpZeroUntilRetention() {
        client.put("alpha", BODY_A, "Tether-TTL", "10s");
        client.put("beta", BODY_B, "Tether-TTL", "1h");

        clock.advance(Duration.ofMillis(9_999));
        assertThat(client.metrics()).contains("jvm_threads{host=\"alpha\"");
        clock.advance(Duration.ofMillis(1));
        String m = client.metrics();
        assertThat(m).doesNotContain("host=\"alpha\",instance").doesNotContain("http_requests_total{")
                .contains("tether_host_up{host=\"alpha\"} 0.0\n")
                .contains("jvm_threads{host=\"beta\"")
                .contains("tether_host_up{host=\"beta\"} 1.0\n");

        clock.advance(Duration.ofMinutes(59));
        assertThat(client.metrics()).contains("tether_host_up{host=\"alpha\"} 0.0\n");
        clock.advance(Duration.ofMinutes(1));
        gw.gateway.store().sweep();
        assertThat(client.metrics()).doesNotContain("host=\"alpha\"");
    }

    @Test
    void sweep_afterLapse_countsOneExpiration() {
        client.put("alpha", BODY_A, "Tether-TTL", "10s");
        clock.advance(Duration.ofSeconds(11));
        gw.gateway.store().sweep();
        gw.gateway.store().sweep();

        assertThat(client.metrics()).contains("tether_gateway_expirations_total 1.0\n");
    }

    @Test
    void pause_upHost_seriesDroppedPausedOneAndNoUp() throws Exception {
        client.put("alpha", BODY_A);
        HttpResponse<String> r = client.pause("alpha", "30m");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(r.body())).containsEntry("host", "alpha").containsEntry("state", "paused")
                .containsEntry("pausedUntil", "2026-01-01T00:30:00Z");
        String m = client.metrics();
        assertThat(m).doesNotContain("jvm_threads{").contains("tether_host_paused{host=\"alpha\"} 1.0\n")
                .doesNotContain("tether_host_up{host=\"alpha\"}");
    }

    @Test
    void pause_withoutFor_usesDefaultTtlClamped() throws Exception {
        assertThat(Json.parseObject(client.pause("alpha", null).body())).containsEntry("pausedUntil", "2026-01-01T00:00:45Z");
        assertThat(Json.parseObject(client.pause("alpha", "1ms").body())).containsEntry("pausedUntil", "2026-01-01T00:00:05Z");
    }

    @Test
    void pause_endsWithoutPush_hostExpired() {
        client.put("alpha", BODY_A);
        client.pause("alpha", "1m");
        clock.advance(Duration.ofMinutes(1));

        assertThat(client.metrics()).contains("tether_host_up{host=\"alpha\"} 0.0\n").contains("tether_host_paused{host=\"alpha\"} 0.0\n");
        assertThat(client.get("/api/v1/hosts").body()).contains("\"state\":\"expired\"");
    }

    @Test
    void pause_unknownHost_createdPaused() {
        client.pause("ghost", "1m");

        assertThat(client.metrics()).contains("tether_host_paused{host=\"ghost\"} 1.0\n").doesNotContain("tether_host_up{host=\"ghost\"}");
        assertThat(client.get("/api/v1/hosts").body()).contains("{\"host\":\"ghost\",\"state\":\"paused\",\"lastPush\":null");
    }

    @Test
    void put_pausedHost_endsPause() {
        client.pause("alpha", "1h");
        client.put("alpha", BODY_A);

        assertThat(client.metrics()).contains("tether_host_up{host=\"alpha\"} 1.0\n").contains("tether_host_paused{host=\"alpha\"} 0.0\n")
                .contains("jvm_threads{host=\"alpha\"");
    }

    @Test
    void delete_knownHost_leftAndGoneFromMetrics() throws Exception {
        client.put("alpha", BODY_A);
        HttpResponse<String> r = client.delete("alpha");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(r.body())).containsEntry("host", "alpha").containsEntry("state", "left");
        assertThat(client.metrics()).doesNotContain("alpha");
        assertThat(client.get("/api/v1/hosts").body()).contains("\"state\":\"left\"");
        assertThat(client.delete("alpha").statusCode()).isEqualTo(404);
    }

    @Test
    void delete_unknownHost_404() {
        HttpResponse<String> r = client.delete("nobody");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    @SuppressWarnings("unchecked")
    void hosts_mixedStates_listsEveryHostSortedWithFields() throws Exception {
        client.put("b-up", BODY_A, "Tether-TTL", "1m");
        client.put("a-expired", BODY_B, "Tether-TTL", "5s");
        client.pause("c-paused", "1h");
        client.put("d-left", "");
        client.delete("d-left");
        clock.advance(Duration.ofSeconds(6));

        List<Object> hosts = (List<Object>) Json.parse(client.get("/api/v1/hosts").body());
        assertThat(hosts).hasSize(4);
        Map<String, Object> a = (Map<String, Object>) hosts.get(0);
        Map<String, Object> b = (Map<String, Object>) hosts.get(1);
        assertThat(a).containsEntry("host", "a-expired").containsEntry("state", "expired").containsEntry("series", 0L);
        assertThat(b).containsEntry("host", "b-up").containsEntry("state", "up").containsEntry("series", 2L)
                .containsEntry("lastPush", "2026-01-01T00:00:00Z").containsEntry("ttlSeconds", 60L)
                .containsEntry("expiresAt", "2026-01-01T00:01:00Z").containsKey("bytes");
        assertThat((Long) b.get("bytes")).isPositive();
        assertThat(((Map<String, Object>) hosts.get(2))).containsEntry("state", "paused");
        assertThat(((Map<String, Object>) hosts.get(3))).containsEntry("state", "left");
        assertThat(client.metrics()).contains("tether_gateway_hosts{state=\"up\"} 1.0\n")
                .contains("tether_gateway_hosts{state=\"expired\"} 1.0\n")
                .contains("tether_gateway_hosts{state=\"paused\"} 1.0\n")
                .contains("tether_gateway_hosts{state=\"left\"} 1.0\n")
                .contains("tether_gateway_series 2.0\n");
    }

    @Test
    void metrics_acceptOpenMetrics_answersOpenMetricsEndingWithEof() {
        client.put("alpha", BODY_A);
        HttpResponse<String> r = client.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0");

        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/openmetrics-text"));
        assertThat(r.body()).endsWith("# EOF\n").contains("# TYPE http_requests counter\nhttp_requests_total{exported_host=\"spoofed\",host=\"alpha\",job=\"app\"} 5.0\n")
                .contains("# TYPE tether_gateway_pushes counter\n");
    }

    @Test
    void metrics_acceptGzip_answersGzip() throws Exception {
        client.put("alpha", BODY_A);
        HttpResponse<byte[]> r = client.getBytes("/metrics", "Accept-Encoding", "gzip");

        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).contains("jvm_threads{host=\"alpha\"").contains("tether_host_up{host=\"alpha\"} 1.0");
    }

    @Test
    void metrics_afterPushes_selfMetricsCounted() {
        client.put("alpha", BODY_A);
        client.put("alpha", "garbage{");

        assertThat(client.metrics()).contains("tether_gateway_pushes_total{result=\"ok\"} 1.0\n")
                .contains("tether_gateway_pushes_total{result=\"bad_request\"} 1.0\n")
                .contains("tether_gateway_push_duration_seconds_count 2.0\n")
                .contains("tether_gateway_received_bytes_total " + (double) (BODY_A.length() + "garbage{".length()) + "\n")
                .contains("tether_gateway_persist_errors_total 0.0\n");
    }

    @Test
    void probes_running_answer200() {
        assertThat(client.get("/-/healthy").statusCode()).isEqualTo(200);
        assertThat(client.get("/-/ready").statusCode()).isEqualTo(200);
        assertThat(client.get("/nope").statusCode()).isEqualTo(404);
    }
}
