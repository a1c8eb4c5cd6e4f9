package dev.tether.gateway.remotewrite;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tether.gateway.GatewayExtension;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue against a fake endpoint: headers, retries, refusals, and a store that hangs. */
class RemoteWriteQueueTest {
    static final String BODY = "# TYPE x gauge\nx{job=\"a\"} 1\nx{job=\"b\"} 2\n";
    static final RemoteWriteOptions FAST = new RemoteWriteOptions(1000, 100, Duration.ofMillis(20),
            Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(30));

    @TempDir
    Path dir;
    HttpServer receiver;
    final Queue<Received> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile IntUnaryOperator status = n -> 200;
    final CountDownLatch release = new CountDownLatch(1);
    volatile boolean hang;

    record Received(Map<String, List<String>> headers, byte[] protobuf) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/api/v1/write", this::handle);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-remote-write");
            t.setDaemon(true);
            return t;
        }));
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        release.countDown();
        receiver.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        int n = calls.incrementAndGet();
        if (hang) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        received.add(new Received(ex.getRequestHeaders(), SnappyDecoder.decompress(body)));
        int code = status.applyAsInt(n);
        byte[] answer = (code == 200 ? "" : "refused\n").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(code, answer.length == 0 ? -1 : answer.length);
        ex.getResponseBody().write(answer);
        ex.close();
    }

    String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/api/v1/write";
    }

    TestGateway gateway(RemoteWriteOptions options, Path token, Map<String, String> headers) {
        return TestGateway.start(dir.resolve("gw"), Clock.systemUTC(), b -> b
                .remoteWriteUrls(List.of(URI.create(url())))
                .remoteWriteBearerTokenFile(token)
                .remoteWriteHeaders(headers), GatewayExtension.of(RemoteWrite.extension(options)));
    }

    double metric(TestGateway gw, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{url=\"" + Pattern.quote(url()) + "\"} (\\S+)$").matcher(gw.client.metrics());
        assertThat(m.find()).as(name).isTrue();
        return Double.parseDouble(m.group(1));
    }

    void waitFor(TestGateway gw, String name, double atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (metric(gw, name) < atLeast) {
            assertThat(System.nanoTime()).as("waiting for " + name + " >= " + atLeast).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void send_503Then200_retriedWithProtocolHeadersTokenAndExtraHeaders() throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "s3cret\n");
        status = n -> n == 1 ? 503 : 200;
        try (TestGateway gw = gateway(FAST, token, Map.of("X-Scope-OrgID", "team-a"))) {
            gw.client.put("alpha", BODY);

            waitFor(gw, "tether_gateway_remote_write_sent_samples_total", 3);

            assertThat(metric(gw, "tether_gateway_remote_write_retries_total")).isEqualTo(1);
            assertThat(metric(gw, "tether_gateway_remote_write_failed_samples_total")).isZero();
            Received r = received.peek();
            assertThat(r.headers()).containsEntry("Content-encoding", List.of("snappy"))
                    .containsEntry("Content-type", List.of("application/x-protobuf"))
                    .containsEntry("X-prometheus-remote-write-version", List.of("0.1.0"))
                    .containsEntry("Authorization", List.of("Bearer s3cret"))
                    .containsEntry("X-scope-orgid", List.of("team-a"));
            String text = new String(r.protobuf(), StandardCharsets.ISO_8859_1);
            assertThat(text).contains("__name__").contains("tether_host_up").contains("alpha");
        }
    }

    @Test
    void send_400_notRetriedAndCountedAsFailed() throws Exception {
        status = n -> 400;
        try (TestGateway gw = gateway(FAST, null, Map.of())) {
            gw.client.put("alpha", BODY);

            waitFor(gw, "tether_gateway_remote_write_failed_samples_total", 3);
            Thread.sleep(200);

            assertThat(calls.get()).isEqualTo(1);
            assertThat(metric(gw, "tether_gateway_remote_write_retries_total")).isZero();
            assertThat(metric(gw, "tether_gateway_remote_write_sent_samples_total")).isZero();
        }
    }

    @Test
    void send_429_retried() throws Exception {
        status = n -> n <= 2 ? 429 : 200;
        try (TestGateway gw = gateway(FAST, null, Map.of())) {
            gw.client.put("alpha", BODY);

            waitFor(gw, "tether_gateway_remote_write_sent_samples_total", 3);

            assertThat(metric(gw, "tether_gateway_remote_write_retries_total")).isEqualTo(2);
        }
    }

    @Test
    void push_storeHangs_pushesStayFastAndOldestAreDropped() throws Exception {
        hang = true;
        RemoteWriteOptions small = new RemoteWriteOptions(20, 100, Duration.ofMillis(20), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        try (TestGateway gw = gateway(small, null, Map.of())) {
            long slowest = 0;
            for (int i = 0; i < 40; i++) {
                long t0 = System.nanoTime();
                assertThat(gw.client.put("h" + i, BODY).statusCode()).isEqualTo(200);
                slowest = Math.max(slowest, System.nanoTime() - t0);
            }

            assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(2));
            assertThat(metric(gw, "tether_gateway_remote_write_queue_samples")).isLessThanOrEqualTo(20);
            // 40 pushes of 3 samples (2 series + tether_host_up): the first batch hangs in flight,
            // 6 pushes fit the queue, the oldest of the others were dropped.
            double dropped = metric(gw, "tether_gateway_remote_write_dropped_total");
            assertThat(dropped % 3).isZero();
            assertThat(dropped).isGreaterThanOrEqualTo(3 * (40 - 6 - 5));
            assertThat(metric(gw, "tether_gateway_remote_write_lag_seconds")).isGreaterThan(0);

            release.countDown();
            waitFor(gw, "tether_gateway_remote_write_sent_samples_total", 40 * 3 - dropped);
            assertThat(metric(gw, "tether_gateway_remote_write_queue_samples")).isZero();
            assertThat(metric(gw, "tether_gateway_remote_write_sent_samples_total")).isEqualTo(40 * 3 - dropped);
        }
    }
}
