package dev.tether.tray.push;

import dev.tether.tray.config.ProxySetting;
import dev.tether.tray.status.GatewayStatus;
import dev.tether.tray.testing.RecordingLog;
import dev.tether.tray.testing.RecordingServer;
import dev.tether.tray.testing.RecordingServer.Answer;
import dev.tether.tray.testing.TestCertificate;
import dev.tether.tray.testing.TinyProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pushes to an https gateway whose certificate only {@code --ca-file} vouches for, directly and through a CONNECT proxy. */
class CaFileTest {
    @TempDir
    static Path certDir;

    private static TestCertificate cert;

    private final RecordingLog log = new RecordingLog();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void makeCertificate() throws Exception {
        cert = TestCertificate.create(certDir);
    }

    @AfterEach
    void tearDown() throws Exception {
        // Last opened, first closed: pushers stop before the servers they talk to.
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private RecordingServer httpsGateway() throws IOException {
        RecordingServer s = new RecordingServer(r -> Answer.of(200, "{}"), cert.serverContext());
        closeables.add(s);
        return s;
    }

    private GatewayPusher pusher(RecordingServer gw, GatewayConnector http) {
        GatewayPusher p = new GatewayPusher(new GatewayClient(gw.url(), http), Duration.ofSeconds(15), Clock.systemUTC(),
                new Backoff(Duration.ofSeconds(5), () -> 0.0), log, () -> { });
        closeables.add(p);
        return p;
    }

    private static PushAction put() {
        return new PushAction.Put("box-1", EncodedSnapshot.of(new dev.tether.tray.label.Snapshot(List.of(), 0, List.of(), 0)),
                Duration.ofSeconds(45), null);
    }

    private static GatewayStatus awaitAnswer(GatewayPusher p) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (p.status().state() == GatewayStatus.State.PENDING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return p.status();
    }

    @Test
    void push_caFileTrustsGatewayCertificate_accepted() throws Exception {
        RecordingServer gw = httpsGateway();
        assertThat(gw.url().getScheme()).isEqualTo("https");
        GatewayPusher p = pusher(gw, GatewayConnector.create(ProxySetting.direct(), cert.pem(), Map.of()));

        p.offer(put(), Duration.ofSeconds(15));

        assertThat(awaitAnswer(p).state()).isEqualTo(GatewayStatus.State.OK);
        assertThat(gw.requests()).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("PUT"));
    }

    @Test
    void push_withoutCaFile_refusedByTls() throws Exception {
        RecordingServer gw = httpsGateway();
        GatewayPusher p = pusher(gw, GatewayConnector.create(ProxySetting.direct(), null, Map.of()));

        p.offer(put(), Duration.ofSeconds(15));

        GatewayStatus s = awaitAnswer(p);
        assertThat(s.state()).isEqualTo(GatewayStatus.State.RETRYING);
        assertThat(s.error()).contains("SSLHandshakeException");
        assertThat(gw.requests()).isEmpty();
    }

    @Test
    void push_httpsThroughConnectProxy_tunnelled() throws Exception {
        RecordingServer gw = httpsGateway();
        TinyProxy proxy = new TinyProxy();
        closeables.add(proxy);
        GatewayConnector http = GatewayConnector.create(ProxySetting.auto(), cert.pem(),
                Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()));
        GatewayPusher p = pusher(gw, http);

        p.offer(put(), Duration.ofSeconds(15));

        assertThat(awaitAnswer(p).state()).isEqualTo(GatewayStatus.State.OK);
        assertThat(proxy.requestLines()).containsExactly("CONNECT 127.0.0.1:" + gw.port() + " HTTP/1.1");
    }

    @Test
    void client_caFileNotPem_clearError() throws Exception {
        Path bad = certDir.resolve("bad.pem");
        Files.writeString(bad, "not a certificate\n");
        assertThatThrownBy(() -> GatewayConnector.create(ProxySetting.direct(), bad, Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining(bad.toString());
        assertThatThrownBy(() -> GatewayConnector.create(ProxySetting.direct(), certDir.resolve("missing.pem"), Map.of()))
                .isInstanceOf(IOException.class);
    }
}
