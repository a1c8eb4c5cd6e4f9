package dev.tether.tray.push;

import dev.tether.protocol.model.Labels;
import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.MetricType;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.tray.config.ProxySetting;
import dev.tether.tray.label.Snapshot;
import dev.tether.tray.status.GatewayStatus;
import dev.tether.tray.testing.RecordingLog;
import dev.tether.tray.testing.RecordingServer;
import dev.tether.tray.testing.RecordingServer.Answer;
import dev.tether.tray.testing.TinyProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayPusherTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final RecordingLog log = new RecordingLog();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        // Last opened, first closed: pushers stop before the servers they talk to.
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        closeables.add(c);
        return c;
    }

    private GatewayPusher pusher(URI url, GatewayConnector http, Duration interval) {
        return track(new GatewayPusher(new GatewayClient(url, http), interval, Clock.systemUTC(),
                new Backoff(Duration.ofMillis(50), () -> 0.0), log, () -> { }));
    }

    private static GatewayConnector direct() throws IOException {
        return GatewayConnector.create(ProxySetting.direct(), null, Map.of());
    }

    private static EncodedSnapshot snapshot() {
        MetricFamily f = new MetricFamily("up_things", MetricType.GAUGE, "things",
                List.of(new Sample("up_things", Labels.of("job", "a", "instance", "h:1"), 3)));
        return EncodedSnapshot.of(new Snapshot(List.of(f), 1, List.of(), 0));
    }

    private static PushAction.Put put(String token) {
        return new PushAction.Put("box-1", snapshot(), Duration.ofSeconds(45), token);
    }

    private static void awaitState(GatewayPusher p, GatewayStatus.State state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (p.status().state() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("state " + p.status() + ", expected " + state);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void offer_put_sendsGzipText004WithTtlAndBearerToken() throws Exception {
        RecordingServer gw = track(RecordingServer.gateway());
        GatewayPusher p = pusher(gw.url(), direct(), Duration.ofSeconds(15));

        p.offer(put("s3cret"), Duration.ofSeconds(15));

        RecordingServer.Request r = gw.awaitOne(x -> x.method().equals("PUT"), WAIT);
        assertThat(r.path()).isEqualTo("/api/v1/hosts/box-1");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(r.header("Tether-TTL")).isEqualTo("45s");
        assertThat(r.header("Authorization")).isEqualTo("Bearer s3cret");
        byte[] text = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
        List<MetricFamily> fs = ExpositionParser.parse(text, ExpositionFormat.TEXT_004);
        assertThat(fs).singleElement().satisfies(f -> assertThat(f.samples().get(0).labels().get("job")).isEqualTo("a"));
        awaitState(p, GatewayStatus.State.OK);
        assertThat(p.status().bytes()).isEqualTo(r.body().length);
        assertThat(p.status().lastPushAt()).isNotNull();
        assertThat(p.pushesTotal()).isEqualTo(1);
    }

    @Test
    void offer_noToken_noAuthorizationHeader() throws Exception {
        RecordingServer gw = track(RecordingServer.gateway());
        pusher(gw.url(), direct(), Duration.ofSeconds(15)).offer(put(null), Duration.ofSeconds(15));
        assertThat(gw.awaitOne(x -> true, WAIT).header("Authorization")).isNull();
    }

    @Test
    void offer_gateway401_reportedAsAuthRefusedAndNotRetriedInAHotLoop() throws Exception {
        RecordingServer gw = track(new RecordingServer(r -> Answer.of(401, "unknown token\n")));
        GatewayPusher p = pusher(gw.url(), direct(), Duration.ofSeconds(15));

        p.offer(put("wrong"), Duration.ofSeconds(15));
        awaitState(p, GatewayStatus.State.AUTH_REFUSED);
        p.offer(put("wrong"), Duration.ofSeconds(15));
        Thread.sleep(500);

        assertThat(gw.requests()).hasSize(1);
        assertThat(p.status().error()).isEqualTo("HTTP 401: unknown token");
        assertThat(p.status().lastStatus()).isEqualTo(401);
        assertThat(log.containing("authentication failed")).hasSize(1);
        assertThat(p.failuresTotal()).isEqualTo(1);
    }

    @Test
    void offer_gateway403_authRefused() throws Exception {
        RecordingServer gw = track(new RecordingServer(r -> Answer.of(403, "host box-1 not allowed for this token")));
        GatewayPusher p = pusher(gw.url(), direct(), Duration.ofSeconds(15));
        p.offer(put("t"), Duration.ofSeconds(15));
        awaitState(p, GatewayStatus.State.AUTH_REFUSED);
        assertThat(log.containing("not allowed for this token")).hasSize(1);
    }

    @Test
    void offer_gateway413_loggedWithMessageAndNextSnapshotGoesAtOnce() throws Exception {
        RecordingServer gw = track(new RecordingServer(r -> Answer.of(413, "body over the limit of 10 MiB\nsecond line")));
        GatewayPusher p = pusher(gw.url(), direct(), Duration.ofSeconds(15));

        p.offer(put(null), Duration.ofSeconds(15));
        awaitState(p, GatewayStatus.State.REJECTED);
        p.offer(put(null), Duration.ofSeconds(15));
        gw.await(x -> true, 2, WAIT);

        assertThat(p.status().error()).isEqualTo("HTTP 413: body over the limit of 10 MiB");
        assertThat(log.containing("rejected by the gateway: HTTP 413: body over the limit of 10 MiB")).hasSize(1);
    }

    @Test
    void offer_gateway400_loggedWithMessage() throws Exception {
        RecordingServer gw = track(new RecordingServer(r -> Answer.of(400, "line 3: metric x has type gauge, pushed as counter")));
        GatewayPusher p = pusher(gw.url(), direct(), Duration.ofSeconds(15));
        p.offer(put(null), Duration.ofSeconds(15));
        awaitState(p, GatewayStatus.State.REJECTED);
        assertThat(log.containing("line 3: metric x has type gauge")).hasSize(1);
    }

    @Test
    void offer_gateway503ThenOk_retriedWithBackoffUntilAccepted() throws Exception {
        AtomicInteger n = new AtomicInteger();
        RecordingServer gw = track(new RecordingServer(r -> n.incrementAndGet() <= 2 ? Answer.of(503, "store busy") : Answer.of(200, "{}")));
        GatewayPusher p = pusher(gw.url(), direct(), Duration.ofSeconds(15));

        p.offer(put(null), Duration.ofSeconds(15));

        List<RecordingServer.Request> rs = gw.await(x -> true, 3, WAIT);
        awaitState(p, GatewayStatus.State.OK);
        // 50 ms base with no jitter: waits of 25 ms, then 50 ms.
        assertThat(rs.get(1).atNanos() - rs.get(0).atNanos()).isGreaterThanOrEqualTo(20_000_000L);
        assertThat(rs.get(2).atNanos() - rs.get(1).atNanos()).isGreaterThanOrEqualTo(45_000_000L);
        assertThat(p.failuresTotal()).isEqualTo(2);
        assertThat(log.containing("failed: HTTP 503: store busy")).hasSize(1);
        assertThat(log.containing("works again")).hasSize(1);
    }

    @Test
    void offer_unreachableGateway_retryingWithError() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        GatewayPusher p = pusher(URI.create("http://127.0.0.1:" + port), direct(), Duration.ofSeconds(1));
        p.offer(put(null), Duration.ofSeconds(1));
        awaitState(p, GatewayStatus.State.RETRYING);
        assertThat(p.status().error()).contains("unreachable");
        assertThat(p.status().nextAttemptAt()).isNotNull();
        assertThat(p.status().lastStatus()).isZero();
    }

    @Test
    void offer_pause_postsPauseWithTtl() throws Exception {
        RecordingServer gw = track(RecordingServer.gateway());
        GatewayPusher p = pusher(gw.url(), direct(), Duration.ofSeconds(15));
        p.offer(new PushAction.Pause("box-1", Duration.ofSeconds(45), "t"), Duration.ofSeconds(15));
        RecordingServer.Request r = gw.awaitOne(x -> true, WAIT);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/v1/hosts/box-1/pause");
        assertThat(r.query()).isEqualTo("for=45s");
        awaitState(p, GatewayStatus.State.PAUSED);
    }

    @Test
    void offer_explicitProxy_pushGoesThroughTheProxy() throws Exception {
        RecordingServer gw = track(RecordingServer.gateway());
        TinyProxy proxy = track(new TinyProxy());
        GatewayConnector http = GatewayConnector.create(ProxySetting.parse("http://127.0.0.1:" + proxy.port()), null, Map.of());
        GatewayPusher p = pusher(gw.url(), http, Duration.ofSeconds(15));

        p.offer(put("t"), Duration.ofSeconds(15));

        RecordingServer.Request r = gw.awaitOne(x -> x.method().equals("PUT"), WAIT);
        assertThat(r.header("Tether-TTL")).isEqualTo("45s");
        assertThat(proxy.requestLines()).containsExactly("PUT " + gw.url() + "/api/v1/hosts/box-1 HTTP/1.1");
        awaitState(p, GatewayStatus.State.OK);
    }

    @Test
    void offer_httpProxyFromEnvironment_pushGoesThroughTheProxy() throws Exception {
        RecordingServer gw = track(RecordingServer.gateway());
        TinyProxy proxy = track(new TinyProxy());
        GatewayConnector http = GatewayConnector.create(ProxySetting.auto(), null,
                Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port(), "NO_PROXY", "example.invalid"));
        GatewayPusher p = pusher(gw.url(), http, Duration.ofSeconds(15));

        p.offer(put(null), Duration.ofSeconds(15));

        gw.awaitOne(x -> x.method().equals("PUT"), WAIT);
        assertThat(proxy.requestLines()).hasSize(1);
    }

    @Test
    void goodbye_deletesTheHost() throws Exception {
        RecordingServer gw = track(new RecordingServer(r -> Answer.of(404, "no such host")));
        GatewayPusher p = pusher(gw.url(), direct(), Duration.ofSeconds(15));
        GatewayReply reply = p.goodbye("box-1", "t", Duration.ofSeconds(1)).get();
        assertThat(reply.status()).isEqualTo(404);
        RecordingServer.Request r = gw.awaitOne(x -> true, WAIT);
        assertThat(r.method()).isEqualTo("DELETE");
        assertThat(r.path()).isEqualTo("/api/v1/hosts/box-1");
        assertThat(r.header("Authorization")).isEqualTo("Bearer t");
    }
}
