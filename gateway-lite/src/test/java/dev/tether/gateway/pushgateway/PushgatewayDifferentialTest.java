package dev.tether.gateway.pushgateway;

import dev.tether.gateway.testing.GatewayClient;
import dev.tether.gateway.testing.TestGateway;
import dev.tether.protocol.json.Json;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Differential: the same requests to Debian's {@code prometheus-pushgateway} and to the gateway; the
 * status codes and the scraped pushed series must agree after every step, and the JSON of
 * {@code GET /api/v1/metrics} at the end ({@code push_time_seconds} and
 * {@code push_failure_time_seconds} compared as set or zero, not by value; no {@code time_stamp}). Skipped when the
 * package is not installed ({@code .ci/run} installs it). Left out on purpose: a push to
 * {@code /metrics/job/a/instance/} after one to {@code /metrics/job/a}, which the Pushgateway refuses
 * and the gateway takes as the same group (see {@link GroupPath}).
 */
class PushgatewayDifferentialTest {
    static final Path BINARY = Path.of("/usr/bin/prometheus-pushgateway");

    @TempDir
    Path dir;
    Process pushgateway;
    GatewayClient reference;
    TestGateway gw;

    /** One request of the sequence. */
    record Step(String method, String path, byte[] body, String... headers) {
        static Step of(String method, String path, String body, String... headers) {
            return new Step(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
        }
    }

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(BINARY),
                "Debian's prometheus-pushgateway is not installed (apt-get install prometheus-pushgateway); skipping");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        pushgateway = new ProcessBuilder(BINARY.toString(), "--web.listen-address=127.0.0.1:" + port,
                "--persistence.file=" + dir.resolve("pushgateway.state"), "--log.level=error")
                .redirectErrorStream(true).redirectOutput(dir.resolve("pushgateway.log").toFile()).start();
        reference = new GatewayClient("http://127.0.0.1:" + port);
        waitReady(reference);
        gw = TestGateway.start(dir.resolve("tether"), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        if (gw != null) {
            gw.close();
        }
        if (pushgateway != null) {
            pushgateway.destroy();
            if (!pushgateway.waitFor(5, TimeUnit.SECONDS)) {
                pushgateway.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void sameRequests_sameStatusesAndSeries() throws Exception {
        byte[] protobuf = Protobuf.delimited(Protobuf.gauge("pb_gauge", 4, Protobuf.label("instance", "p1")),
                Protobuf.message().string(1, "pb_hist").varint(3, 4).message(4, Protobuf.message().message(7,
                        Protobuf.message().varint(1, 3).dbl(2, 2.5)
                                .message(3, Protobuf.message().varint(1, 1).dbl(2, 0.25))
                                .message(3, Protobuf.message().varint(1, 2).dbl(2, 1)))));
        List<Step> steps = List.of(
                Step.of("PUT", "/metrics/job/a", "x 1\n# TYPE y counter\ny{k=\"v\"} 2\n"),
                Step.of("POST", "/metrics/job/a", "x 3\n"),
                Step.of("PUT", "/metrics/job/a/instance/i1",
                        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n"),
                Step.of("PUT", "/metrics/job@base64/YS9i/path@base64/L3Zhcg", "z 1\n"),
                Step.of("PUT", "/metrics/job/a/e@base64/=", "w 1\n"),
                Step.of("POST", "/metrics/job/a/k/1", "v{job=\"other\",instance=\"i9\",k=\"2\"} 5\n"),
                Step.of("POST", "/metrics/job/a", "v{job=\"other\",instance=\"i9\"} 6\n"),
                Step.of("PUT", "/metrics/job/b", "# TYPE x counter\nx 1\n"),
                Step.of("PUT", "/metrics/job/b", "q 1 1000\n"),
                Step.of("PUT", "/metrics/job/c", "bad{\n"),
                Step.of("PUT", "/metrics/job/c", "d 1\nd 2\n"),
                Step.of("PUT", "/metrics/job/a/odd", "x 1\n"),
                Step.of("PUT", "/metrics/job/sp%20ace/l/v%2Fw", "x 1\n"),
                Step.of("PUT", "/metrics/job/sp%20ace/l/v%2Cw", "x 1\n"),
                Step.of("PUT", "/metrics/job/a/__x/1", "x 1\n"),
                Step.of("PUT", "/metrics/job@base64/=", "x 1\n"),
                Step.of("PUT", "/metrics/job/curl", "c 1\n", "Content-Type", "application/x-www-form-urlencoded"),
                new Step("PUT", "/metrics/job/gz", GatewayClient.gzip("g 1\n".getBytes(StandardCharsets.UTF_8)),
                        "Content-Encoding", "gzip"),
                new Step("PUT", "/metrics/job/pb", protobuf, "Content-Type", Protobuf.CONTENT_TYPE),
                Step.of("PUT", "/metrics/job/a", ""),
                Step.of("DELETE", "/metrics/job/a/instance/i1", null),
                Step.of("DELETE", "/metrics/job/never", null),
                Step.of("PUT", "/metrics/job/b", "# TYPE x gauge\nx 1\n"));
        for (Step step : steps) {
            HttpResponse<String> expected = reference.send(step.method(), step.path(), step.body(), step.headers());
            HttpResponse<String> actual = gw.client.send(step.method(), step.path(), step.body(), step.headers());
            String what = step.method() + " " + step.path();
            assertThat(actual.statusCode()).as(what + ": Pushgateway said " + expected.statusCode() + " " + expected.body()
                    + "; the gateway said " + actual.body()).isEqualTo(expected.statusCode());
            assertThat(series(gw.client)).as("series after " + what).isEqualTo(series(reference));
        }
        assertThat(status(gw.client)).as("GET /api/v1/metrics").isEqualTo(status(reference));
    }

    /** {@code GET /api/v1/metrics} without times, push and failure times as set or zero, groups sorted. */
    @SuppressWarnings("unchecked")
    static List<Object> status(GatewayClient c) throws Exception {
        Map<String, Object> json = Json.parseObject(c.get("/api/v1/metrics").body());
        assertThat(json).containsEntry("status", "success");
        List<Object> groups = new ArrayList<>();
        for (Object o : (List<Object>) json.get("data")) {
            Map<String, Object> group = new TreeMap<>((Map<String, Object>) o);
            for (Map.Entry<String, Object> e : group.entrySet()) {
                if (e.getValue() instanceof Map<?, ?> family && family.containsKey("metrics")) {
                    Map<String, Object> f = new TreeMap<>((Map<String, Object>) family);
                    f.remove("time_stamp");
                    List<Object> metrics = new ArrayList<>();
                    for (Object m : (List<Object>) f.get("metrics")) {
                        Map<String, Object> mm = new TreeMap<>((Map<String, Object>) m);
                        if (e.getKey().startsWith("push_")) {
                            mm.put("value", "0".equals(mm.get("value")) ? "zero" : "set");
                        }
                        if (mm.get("buckets") instanceof Map<?, ?> buckets) {
                            // A protobuf histogram without a +Inf bucket: the Pushgateway's JSON shows
                            // what was pushed, the gateway what it serves (+Inf added). Known difference.
                            Map<String, Object> b = new TreeMap<>((Map<String, Object>) buckets);
                            b.remove("+Inf");
                            mm.put("buckets", b);
                        }
                        metrics.add(mm);
                    }
                    f.put("metrics", metrics);
                    e.setValue(f);
                }
            }
            groups.add(group);
        }
        groups.sort(java.util.Comparator.comparing(g -> String.valueOf(((Map<String, Object>) g).get("labels"))));
        return groups;
    }

    /** The pushed series, one line each, sorted; push and failure times only as set or zero. */
    static TreeSet<String> series(GatewayClient c) throws Exception {
        TreeSet<String> out = new TreeSet<>();
        String text = c.metrics();
        for (MetricFamily f : ExpositionParser.parse(text, ExpositionFormat.TEXT_004)) {
            String n = f.name();
            if (n.startsWith("go_") || n.startsWith("process_") || n.startsWith("pushgateway_")
                    || n.startsWith("promhttp_") || n.startsWith("tether_")) {
                continue;
            }
            for (Sample s : f.samples()) {
                String value = n.equals("push_time_seconds") || n.equals("push_failure_time_seconds")
                        ? (s.value() == 0 ? "zero" : "set") : Double.toString(s.value());
                out.add(s.name() + s.labels() + " " + value);
            }
        }
        return out;
    }

    private static void waitReady(GatewayClient c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                if (c.get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the Pushgateway did not become ready", e);
                }
            }
            Thread.sleep(50);
        }
    }
}
