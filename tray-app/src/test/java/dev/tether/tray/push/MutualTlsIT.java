package dev.tether.tray.push;

import dev.tether.tray.config.ProxySetting;
import dev.tether.tray.config.StaticTarget;
import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.headless.HeadlessTray;
import dev.tether.tray.status.GatewayStatus;
import dev.tether.tray.testing.ChildJvm;
import dev.tether.tray.testing.RecordingLog;
import dev.tether.tray.testing.RecordingServer;
import dev.tether.tray.testing.RecordingServer.Answer;
import dev.tether.tray.testing.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real gateway jar with {@code --tls-cert/--tls-key --tls-client-ca}, and the tray pushing to it
 * with {@code --client-cert/--client-key}: a certificate of the gateway's client CA gets in, none or
 * one of another CA is refused in the handshake and nothing is stored.
 */
class MutualTlsIT {
    @TempDir
    static Path dir;

    private static TestCa.Issued server;
    private static TestCa.Issued good;
    private static TestCa.Issued stranger;
    private static ChildJvm gateway;
    private static RecordingServer node;

    private final RecordingLog log = new RecordingLog();
    private HeadlessTray tray;

    @BeforeAll
    static void start() throws Exception {
        server = TestCa.selfSignedServer(dir, "gateway");
        TestCa clients = TestCa.create(dir, "clients-ca");
        good = clients.client("tray-1");
        stranger = TestCa.create(dir, "other-ca").client("stranger");
        for (Path key : new Path[] {server.key(), good.key(), stranger.key()}) {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        }
        gateway = ChildJvm.gateway(dir.resolve("data"), "--tls-cert", server.cert().toString(), "--tls-key", server.key().toString(),
                "--tls-client-ca", clients.pem().toString());
        node = new RecordingServer(r -> Answer.metrics("# TYPE demo_up gauge\ndemo_up 1\n"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private TraySettings settings(String host, TestCa.Issued cert) {
        TraySettings.Builder b = TraySettings.builder().gateway(gateway.url()).host(host).interval(Duration.ofSeconds(30))
                .discoveryDir(dir.resolve("agents")).proxy(ProxySetting.direct()).caFile(server.cert())
                .target(new StaticTarget("node", node.url("/metrics")));
        if (cert != null) {
            b.clientCert(cert.cert()).clientKey(cert.key());
        }
        return b.build();
    }

    @AfterEach
    void closeTray() {
        if (tray != null) {
            tray.close();
        }
    }

    /** Starts the tray; the status of its one gateway once it has an answer (the tray runs on until the test ends). */
    private GatewayStatus firstAnswer(TraySettings s) throws Exception {
        tray = HeadlessTray.start(Forwarder.builder(s).log(log).env(Map.of()));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var gateways = tray.forwarder().status().gateways();
            if (!gateways.isEmpty() && gateways.get(0).state() != GatewayStatus.State.PENDING) {
                return gateways.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no answer from the gateway within 10s");
    }

    /** The gateway's /metrics, fetched over mutual TLS with the good certificate. */
    private static String gatewayMetrics() throws Exception {
        GatewayConnector http = GatewayConnector.create(ProxySetting.direct(), server.cert(), good.cert(), good.key(), Map.of(),
                new RecordingLog());
        HttpURLConnection c = http.open(URI.create(gateway.url() + "/metrics"));
        try (InputStream in = c.getInputStream()) {
            assertThat(c.getResponseCode()).isEqualTo(200);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void push_clientCertOfGatewayCa_hostInGatewayMetrics() throws Exception {
        GatewayStatus g = firstAnswer(settings("mtls-ok", good));

        assertThat(g.state()).isEqualTo(GatewayStatus.State.OK);
        assertThat(gatewayMetrics()).contains("host=\"mtls-ok\"");
        assertThat(log.containing("readable by other users")).isEmpty();
        assertThat(log.containing("WARN")).isEmpty();
    }

    @Test
    void push_noClientCert_handshakeRefusedAndNothingStored() throws Exception {
        GatewayStatus g = firstAnswer(settings("mtls-none", null));

        assertThat(g.state()).isEqualTo(GatewayStatus.State.RETRYING);
        assertThat(g.lastStatus()).isZero();
        assertThat(g.error()).startsWith("TLS handshake failed (").contains("certificate");
        assertThat(gatewayMetrics()).doesNotContain("mtls-none");
    }

    @Test
    void push_clientCertOfAnotherCa_handshakeRefusedAndNothingStored() throws Exception {
        GatewayStatus g = firstAnswer(settings("mtls-stranger", stranger));

        assertThat(g.state()).isEqualTo(GatewayStatus.State.RETRYING);
        assertThat(g.lastStatus()).isZero();
        assertThat(g.error()).startsWith("TLS handshake failed (").contains("certificate");
        assertThat(gatewayMetrics()).doesNotContain("mtls-stranger");
    }
}
