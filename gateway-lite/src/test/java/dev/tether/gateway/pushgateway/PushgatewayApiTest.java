package dev.tether.gateway.pushgateway;

import dev.tether.gateway.testing.GatewayClient;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.TestGateway;
import dev.tether.protocol.json.Json;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import io.prometheus.client.Gauge;
import io.prometheus.client.Histogram;
import io.prometheus.client.exporter.PushGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Pushgateway-compatible API driven by the real, unmodified {@code simpleclient_pushgateway}
 * (push, pushAdd, delete, grouping keys that need base64), then by raw HTTP for what the client does
 * not send (TTLs, protobuf, bad input). A fake clock decides every TTL.
 */
class PushgatewayApiTest {
    /** 2026-01-01T00:00:00Z, the fake clock's start, in seconds. */
    static final String T0 = "1767225600.0";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    TestGateway gw;
    GatewayClient client;
    PushGateway pg;

    @BeforeEach
    void start() {
        start(false);
    }

    void start(boolean adminApi) {
        gw = TestGateway.start(dir, clock, b -> b.enableAdminApi(adminApi));
        client = gw.client;
        pg = new PushGateway("127.0.0.1:" + gw.gateway.address().getPort());
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    static CollectorRegistry registry(double value) {
        CollectorRegistry r = new CollectorRegistry();
        Gauge.build("batch_last_success_seconds", "Last success.").register(r).set(value);
        Counter.build("batch_records_total", "Records.").labelNames("kind").register(r).labels("a").inc(value);
        return r;
    }

    @Test
    void push_realClient_seriesWithGroupingLabelsPushTimeAndGroupUp() throws Exception {
        pg.push(registry(3), "nightly", Map.of("instance", "db1"));

        assertThat(client.metrics())
                .contains("batch_last_success_seconds{instance=\"db1\",job=\"nightly\"} 3.0\n")
                .contains("batch_records_total{instance=\"db1\",job=\"nightly\",kind=\"a\"} 3.0\n")
                .contains("push_time_seconds{instance=\"db1\",job=\"nightly\"} " + T0 + "\n")
                .contains("push_failure_time_seconds{instance=\"db1\",job=\"nightly\"} 0.0\n")
                .contains("tether_group_up{instance=\"db1\",job=\"nightly\"} 1.0\n")
                .contains("# TYPE batch_records_total counter\n");
    }

    @Test
    void push_noInstanceInKey_emptyInstanceAsThePushgateway() throws Exception {
        pg.push(registry(1), "nightly");

        assertThat(client.metrics()).contains("batch_last_success_seconds{instance=\"\",job=\"nightly\"} 1.0\n")
                .contains("tether_group_up{job=\"nightly\"} 1.0\n");
    }

    @Test
    void pushAdd_realClient_replacesOnlyFamiliesWithTheSameNames() throws Exception {
        pg.push(registry(1), "nightly");
        CollectorRegistry other = new CollectorRegistry();
        Gauge.build("batch_last_success_seconds", "Last success.").register(other).set(9);
        Gauge.build("batch_extra", "Extra.").register(other).set(2);

        clock.advance(Duration.ofSeconds(10));
        pg.pushAdd(other, "nightly");

        assertThat(client.metrics())
                .contains("batch_last_success_seconds{instance=\"\",job=\"nightly\"} 9.0\n")
                .contains("batch_records_total{instance=\"\",job=\"nightly\",kind=\"a\"} 1.0\n")
                .contains("batch_extra{instance=\"\",job=\"nightly\"} 2.0\n")
                .contains("push_time_seconds{instance=\"\",job=\"nightly\"} 1767225610.0\n");
    }

    @Test
    void push_realClient_replacesTheWholeGroupAndNoOther() throws Exception {
        pg.push(registry(1), "nightly", Map.of("instance", "a"));
        pg.push(registry(1), "nightly", Map.of("instance", "b"));
        CollectorRegistry other = new CollectorRegistry();
        Gauge.build("batch_extra", "Extra.").register(other).set(2);

        pg.push(other, "nightly", Map.of("instance", "a"));

        assertThat(client.metrics())
                .doesNotContain("batch_records_total{instance=\"a\"")
                .contains("batch_extra{instance=\"a\",job=\"nightly\"} 2.0\n")
                .contains("batch_records_total{instance=\"b\",job=\"nightly\",kind=\"a\"} 1.0\n");
    }

    @Test
    void delete_realClient_removesOnlyThatGroup() throws Exception {
        pg.push(registry(1), "nightly", Map.of("instance", "a"));
        pg.push(registry(1), "nightly", Map.of("instance", "b"));

        pg.delete("nightly", Map.of("instance", "a"));

        assertThat(client.metrics()).doesNotContain("instance=\"a\"")
                .contains("batch_records_total{instance=\"b\",job=\"nightly\",kind=\"a\"} 1.0\n");
        // Deleting what is not there is accepted, as by the Pushgateway.
        pg.delete("never-pushed");
    }

    @Test
    void push_groupingKeyNeedingBase64_slashesAndEmptyValues() throws Exception {
        pg.push(registry(1), "backup/daily", Map.of("path", "/var/lib/db", "empty", "", "plain", "x y"));

        String m = client.metrics();
        // The client's URLEncoder sends a space as "+", which a path keeps (so does the Pushgateway).
        assertThat(m).contains("batch_last_success_seconds{empty=\"\",instance=\"\",job=\"backup/daily\","
                + "path=\"/var/lib/db\",plain=\"x+y\"} 1.0\n");

        pg.delete("backup/daily", Map.of("path", "/var/lib/db", "empty", "", "plain", "x y"));
        assertThat(client.metrics()).doesNotContain("batch_last_success_seconds");
    }

    @Test
    void push_histogramFromRealClient_servedAsPushed() throws Exception {
        CollectorRegistry r = new CollectorRegistry();
        Histogram.build("batch_seconds", "Duration.").buckets(1, 5).register(r).observe(2);

        pg.push(r, "nightly");

        assertThat(client.metrics()).contains("batch_seconds_bucket{instance=\"\",job=\"nightly\",le=\"1.0\"} 0.0\n")
                .contains("batch_seconds_bucket{instance=\"\",job=\"nightly\",le=\"+Inf\"} 1.0\n")
                .contains("batch_seconds_count{instance=\"\",job=\"nightly\"} 1.0\n");
    }

    @Test
    void push_ttlHeaderThroughClientConnectionFactory_groupLapsesAndReportsDown() throws Exception {
        pg.setConnectionFactory(url -> {
            HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
            c.setRequestProperty("Tether-TTL", "30s");
            return c;
        });
        pg.push(registry(1), "nightly");
        assertThat(client.metrics()).contains("tether_group_up{job=\"nightly\"} 1.0\n");

        clock.advance(Duration.ofSeconds(31));

        String m = client.metrics();
        assertThat(m).doesNotContain("batch_last_success_seconds{").doesNotContain("push_time_seconds{")
                .contains("tether_group_up{job=\"nightly\"} 0.0\n");
        // After the retention (1h by default) it is forgotten.
        clock.advance(Duration.ofHours(1));
        gw.gateway.groups().sweep();
        assertThat(client.metrics()).doesNotContain("tether_group_up{");
    }

    @Test
    void push_ttlQueryParameter_clampedAndLapses() {
        HttpResponse<String> r = client.send("PUT", "/metrics/job/j?ttl=1s", "x 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(4));
        assertThat(client.metrics()).contains("x{instance=\"\",job=\"j\"} 1.0\n");
        clock.advance(Duration.ofSeconds(1)); // raised to --min-ttl (5s)
        assertThat(client.metrics()).doesNotContain("x{").contains("tether_group_up{job=\"j\"} 0.0\n");

        assertThat(client.send("PUT", "/metrics/job/j?ttl=soon", "x 1\n".getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void push_withoutTtl_neverExpires() throws Exception {
        pg.push(registry(1), "nightly");
        clock.advance(Duration.ofDays(30));
        gw.gateway.groups().sweep();
        assertThat(client.metrics()).contains("batch_last_success_seconds{instance=\"\",job=\"nightly\"} 1.0\n");
    }

    @Test
    void push_typeConflictWithHost_400NothingChangesFailureTimeSet() throws Exception {
        client.put("alpha", "# TYPE batch_records_total gauge\nbatch_records_total 1\n", "Tether-TTL", "30s");
        client.send("PUT", "/metrics/job/nightly", "batch_extra 1\n".getBytes(StandardCharsets.UTF_8));
        clock.advance(Duration.ofSeconds(5));

        assertThatThrownBy(() -> pg.pushAdd(registry(1), "nightly"))
                .isInstanceOf(IOException.class).hasMessageContaining("400")
                .hasMessageContaining("metric family 'batch_records_total' is a counter in this push from group")
                .hasMessageContaining("but a gauge from host 'alpha'");

        String m = client.metrics();
        assertThat(m).contains("batch_extra{instance=\"\",job=\"nightly\"} 1.0\n")
                .doesNotContain("batch_last_success_seconds{")
                .contains("push_time_seconds{instance=\"\",job=\"nightly\"} " + T0 + "\n")
                .contains("push_failure_time_seconds{instance=\"\",job=\"nightly\"} 1767225605.0\n");
        assertThat(statusOf("nightly")).containsEntry("last_push_successful", false);
        // A host is refused the other way round too.
        assertThat(client.put("beta", "# TYPE batch_extra counter\nbatch_extra 1\n").body())
                .contains("but a untyped from group {job=\"nightly\"}");
        // Once the host lapsed, its type no longer counts.
        clock.advance(Duration.ofSeconds(30));
        pg.pushAdd(registry(1), "nightly");
        assertThat(client.metrics()).contains("batch_records_total{instance=\"\",job=\"nightly\",kind=\"a\"} 1.0\n");
    }

    @Test
    void push_typeConflictBetweenGroups_refused() {
        assertThat(send("PUT", "/metrics/job/a", "# TYPE x gauge\nx 1\n").statusCode()).isEqualTo(200);
        HttpResponse<String> r = send("PUT", "/metrics/job/b", "# TYPE x counter\nx 1\n");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("pushed metrics are invalid or inconsistent with existing metrics")
                .contains("from group {job=\"a\"}");
        // The same group may change its own type.
        assertThat(send("PUT", "/metrics/job/a", "# TYPE x counter\nx 1\n").statusCode()).isEqualTo(200);
    }

    @Test
    void push_badInput_400AndSeriesUnchanged_failureTimeSetWhenTheBodyParsed() {
        send("PUT", "/metrics/job/j", "x 1\n");
        String before = series();

        assertRefused(send("PUT", "/metrics/job/j", "x 2 1700000000000\n"), 400, "has a timestamp");
        assertRefused(send("PUT", "/metrics/job/j", "x{ 2\n"), 400, "line 1");
        assertRefused(send("PUT", "/metrics/job/j", "x 2\nx 3\n"), 400, "appears twice");
        assertRefused(send("PUT", "/metrics/job/j", "push_time_seconds 2\n"), 400, "written by the gateway");
        assertRefused(send("PUT", "/metrics/job/j", "tether_group_up 2\n"), 400, "reserves");
        assertRefused(send("POST", "/metrics/job/j/odd", "x 2\n"), 400, "odd number of components");
        assertRefused(send("PUT", "/metrics/job/j", "x 2\n", "Content-Type", Protobuf.CONTENT_TYPE), 400, "malformed protobuf");
        assertRefused(send("PUT", "/metrics/job/j", "x 2\n", "Content-Encoding", "br"), 415, "Content-Encoding");
        assertRefused(send("PUT", "/metrics/job/j", "x 2\n", "Tether-TTL", "forever"), 400, "Tether-TTL");
        assertRefused(send("PUT", "/metrics/other", "x 2\n"), 404, "no such endpoint");
        assertRefused(send("GET", "/metrics/job/j", null), 405, "not allowed");

        assertThat(series()).isEqualTo(before);
        clock.advance(Duration.ofSeconds(1));
        assertRefused(send("PUT", "/metrics/job/j", "x{ 2\n"), 400, "line 1");
        assertThat(client.metrics()).contains("push_failure_time_seconds{instance=\"\",job=\"j\"} " + T0 + "\n");
        assertRefused(send("PUT", "/metrics/job/j", "x 2 1700000000000\n"), 400, "has a timestamp");
        assertThat(client.metrics()).contains("push_failure_time_seconds{instance=\"\",job=\"j\"} 1767225601.0\n");
    }

    @Test
    void push_emptyPutBody_clearsFamiliesKeepsPushTime() {
        send("PUT", "/metrics/job/j", "x 1\n");
        clock.advance(Duration.ofSeconds(3));

        assertThat(send("PUT", "/metrics/job/j", "").statusCode()).isEqualTo(200);

        assertThat(client.metrics()).doesNotContain("x{").contains("push_time_seconds{instance=\"\",job=\"j\"} 1767225603.0\n");
    }

    @Test
    void push_curlDefaultsAndGzip_readAsText004() {
        assertThat(send("POST", "/metrics/job/curl", "a 1\n", "Content-Type", "application/x-www-form-urlencoded")
                .statusCode()).isEqualTo(200);
        assertThat(client.send("POST", "/metrics/job/curl",
                GatewayClient.gzip("b 2\n".getBytes(StandardCharsets.UTF_8)), "Content-Encoding", "gzip").statusCode())
                .isEqualTo(200);

        assertThat(client.metrics()).contains("a{instance=\"\",job=\"curl\"} 1.0\n").contains("b{instance=\"\",job=\"curl\"} 2.0\n");
    }

    @Test
    void push_delimitedProtobuf_plainAndGzip() {
        byte[] body = Protobuf.delimited(Protobuf.gauge("pb_gauge", 4, Protobuf.label("job", "spoofed")),
                Protobuf.gauge("pb_other", 5, Protobuf.label("instance", "i")));
        assertThat(client.send("PUT", "/metrics/job/pb", body, "Content-Type", Protobuf.CONTENT_TYPE).statusCode()).isEqualTo(200);
        assertThat(client.send("PUT", "/metrics/job/pb2", GatewayClient.gzip(body), "Content-Type", Protobuf.CONTENT_TYPE,
                "Content-Encoding", "gzip").statusCode()).isEqualTo(200);

        assertThat(client.metrics()).contains("# HELP pb_gauge help of pb_gauge\n")
                .contains("pb_gauge{instance=\"\",job=\"pb\"} 4.0\n")
                .contains("pb_other{instance=\"i\",job=\"pb\"} 5.0\n")
                .contains("pb_gauge{instance=\"\",job=\"pb2\"} 4.0\n");
    }

    @Test
    void statusApi_pushgatewayJsonShape() throws Exception {
        pg.push(registry(2), "nightly", Map.of("instance", "db1"));
        CollectorRegistry r = new CollectorRegistry();
        Histogram.build("batch_seconds", "Duration.").buckets(1).register(r).observe(0.5);
        pg.pushAdd(r, "nightly", Map.of("instance", "db1"));

        Map<String, Object> group = statusOf("nightly");

        assertThat(group.get("labels")).isEqualTo(Map.of("job", "nightly", "instance", "db1"));
        assertThat(group).containsEntry("last_push_successful", true);
        @SuppressWarnings("unchecked")
        Map<String, Object> counter = (Map<String, Object>) group.get("batch_records_total");
        assertThat(counter).containsEntry("type", "COUNTER").containsEntry("help", "Records.")
                .containsEntry("time_stamp", "2026-01-01T00:00:00Z");
        assertThat(counter.get("metrics")).isEqualTo(List.of(Map.of(
                "labels", Map.of("instance", "db1", "job", "nightly", "kind", "a"), "value", "2")));
        @SuppressWarnings("unchecked")
        Map<String, Object> hist = (Map<String, Object>) group.get("batch_seconds");
        assertThat(hist.get("metrics")).isEqualTo(List.of(Map.of("labels", Map.of("instance", "db1", "job", "nightly"),
                "buckets", Map.of("1", "1", "+Inf", "1"), "count", "1", "sum", "0.5")));
        assertThat(group).containsKey("push_time_seconds").containsKey("push_failure_time_seconds");
    }

    @Test
    void adminWipe_onlyWithTheFlag() {
        send("PUT", "/metrics/job/j", "x 1\n");
        assertThat(send("PUT", "/api/v1/admin/wipe", "").statusCode()).isEqualTo(404);
        assertThat(client.metrics()).contains("x{instance=\"\",job=\"j\"} 1.0\n");
        gw.close();

        start(true);
        assertThat(client.metrics()).contains("x{instance=\"\",job=\"j\"} 1.0\n");
        assertThat(send("PUT", "/api/v1/admin/wipe", "").statusCode()).isEqualTo(202);
        assertThat(client.metrics()).doesNotContain("x{").doesNotContain("tether_group_up{");
    }

    @Test
    void restart_groupsRestoredWithTypesAndTtl() throws Exception {
        pg.push(registry(1), "forever");
        send("PUT", "/metrics/job/short", "y 1\n", "Tether-TTL", "30s");
        assertThat(gw.gateway.persistNow()).isTrue();
        gw.close();
        clock.advance(Duration.ofSeconds(40));

        start(false);

        String m = client.metrics();
        assertThat(m).contains("batch_records_total{instance=\"\",job=\"forever\",kind=\"a\"} 1.0\n")
                .contains("push_time_seconds{instance=\"\",job=\"forever\"} " + T0 + "\n")
                .doesNotContain("y{").contains("tether_group_up{job=\"short\"} 0.0\n");
        assertThat(client.put("alpha", "# TYPE batch_records_total gauge\nbatch_records_total 1\n").statusCode())
                .isEqualTo(400);
    }

    @Test
    void push_hostsAndGroupsRacingConflictingTypes_oneTypeServed() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String type = i % 2 == 0 ? "gauge" : "counter";
                String body = "# TYPE race " + type + "\nrace 1\n";
                int n = i;
                results.add(pool.submit(() -> n % 4 < 2
                        ? client.put("h" + n, body).statusCode()
                        : send("PUT", "/metrics/job/j" + n, body).statusCode()));
            }
            int ok = 0;
            for (java.util.concurrent.Future<Integer> f : results) {
                int status = f.get();
                assertThat(status).isIn(200, 400);
                ok += status == 200 ? 1 : 0;
            }
            String m = client.metrics();
            assertThat(m.lines().filter(l -> l.startsWith("# TYPE race ")).count()).isEqualTo(1);
            assertThat(m.lines().filter(l -> l.startsWith("race{")).count()).isEqualTo(ok);
            assertThat(ok).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void scrape_openMetricsWithGroupsAndHosts_parses() throws Exception {
        pg.push(registry(1), "nightly", Map.of("path", "/a"));
        client.put("alpha", "# TYPE batch_last_success_seconds gauge\nbatch_last_success_seconds 2\n");

        String om = client.get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0").body();

        List<dev.tether.protocol.model.MetricFamily> families =
                dev.tether.protocol.text.ExpositionParser.parse(om, dev.tether.protocol.text.ExpositionFormat.OPENMETRICS);
        assertThat(families).extracting(dev.tether.protocol.model.MetricFamily::name)
                .contains("batch_last_success_seconds", "batch_records", "push_time_seconds", "tether_group_up");
        assertThat(om).contains("batch_last_success_seconds{host=\"alpha\"} 2.0\n")
                .contains("batch_last_success_seconds{instance=\"\",job=\"nightly\",path=\"/a\"} 1.0\n");
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) {
        return client.send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The pushed series lines of {@code /metrics} (no comments, no self metrics, no failure times). */
    private String series() {
        StringBuilder sb = new StringBuilder();
        for (String line : client.metrics().split("\n")) {
            if (!line.startsWith("#") && !line.startsWith("tether_gateway_") && !line.startsWith("push_failure_time_seconds")) {
                sb.append(line).append('\n');
            }
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> statusOf(String job) throws Exception {
        Map<String, Object> json = Json.parseObject(client.get("/api/v1/metrics").body());
        assertThat(json).containsEntry("status", "success");
        for (Object o : (List<Object>) json.get("data")) {
            Map<String, Object> g = (Map<String, Object>) o;
            if (job.equals(((Map<String, Object>) g.get("labels")).get("job"))) {
                return g;
            }
        }
        throw new AssertionError("no group with job " + job);
    }

    private static void assertRefused(HttpResponse<String> r, int status, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains(reason);
    }
}
