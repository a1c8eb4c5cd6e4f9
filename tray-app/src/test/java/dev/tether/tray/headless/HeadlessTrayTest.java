package dev.tether.tray.headless;

import dev.tether.protocol.json.Json;
import dev.tether.tray.config.ProxySetting;
import dev.tether.tray.config.TraySettings;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.testing.RecordingLog;
import dev.tether.tray.testing.RecordingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeadlessTrayTest {
    @TempDir
    Path dir;

    private final RecordingLog log = new RecordingLog();
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private RecordingServer gateway;
    private HeadlessTray tray;

    @BeforeEach
    void setUp() throws Exception {
        gateway = RecordingServer.gateway();
        TraySettings s = TraySettings.builder().host("box-1").gateway(gateway.url().toString()).interval(Duration.ofSeconds(30))
                .discoveryDir(dir).proxy(ProxySetting.direct())
                .statusListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        tray = HeadlessTray.start(Forwarder.builder(s).log(log).env(Map.of()));
    }

    @AfterEach
    void tearDown() {
        tray.close();
        gateway.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        URI uri = tray.statusUri().resolve(path);
        return http.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void start_withStatusListen_logsTheAddressLine() {
        assertThat(log.containing("tether-tray status on " + tray.statusUri())).hasSize(1);
        assertThat(tray.statusUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/status");
    }

    @Test
    void getStatus_afterFirstPush_jsonWithGatewayAndPaused() throws Exception {
        HttpResponse<String> r = send("GET", "/status");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        // The gateway's first answer arrives after the first cycle; poll as a script would.
        while (!r.body().contains("\"state\":\"ok\"") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            r = send("GET", "/status");
        }

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        Map<String, Object> o = Json.parseObject(r.body());
        assertThat(o).containsEntry("host", "box-1").containsEntry("paused", false).containsEntry("state", "idle");
        @SuppressWarnings("unchecked")
        Map<String, Object> g = (Map<String, Object>) ((List<Object>) o.get("gateways")).get(0);
        assertThat(g).containsEntry("url", gateway.url().toString()).containsEntry("state", "ok").containsEntry("error", null);
        assertThat(g.get("lastPushAt")).isNotNull();
        assertThat(g.get("latencySeconds")).isInstanceOf(Number.class);
        assertThat((Long) g.get("bytes")).isPositive();
        assertThat(o.get("targets")).isEqualTo(List.of());
    }

    @Test
    void postPauseThenResume_forwarderFollowsAndGatewayIsTold() throws Exception {
        HttpResponse<String> p = send("POST", "/pause");
        assertThat(p.statusCode()).isEqualTo(200);
        assertThat(Json.parseObject(p.body())).containsEntry("paused", true);
        assertThat(tray.forwarder().isPaused()).isTrue();
        gateway.awaitOne(r -> r.path().endsWith("/pause"), Duration.ofSeconds(5));

        HttpResponse<String> r = send("POST", "/resume");
        assertThat(Json.parseObject(r.body())).containsEntry("paused", false);
        assertThat(tray.forwarder().isPaused()).isFalse();
    }

    @Test
    void wrongMethodOrPath_405And404() throws Exception {
        assertThat(send("GET", "/pause").statusCode()).isEqualTo(405);
        assertThat(send("POST", "/status").statusCode()).isEqualTo(405);
        assertThat(send("GET", "/nope").statusCode()).isEqualTo(404);
        assertThat(tray.forwarder().isPaused()).isFalse();
    }

    @Test
    void postWithOrigin_refusedAndNothingChanges() throws Exception {
        // What a web page's script would send to pause the tray behind the user's back.
        String reply = raw("POST /pause HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://evil.example\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 403");
        assertThat(tray.forwarder().isPaused()).isFalse();
    }

    @Test
    void getWithForeignHostHeader_refused() throws Exception {
        // DNS rebinding: a page at evil.example whose name now resolves to 127.0.0.1.
        String reply = raw("GET /status HTTP/1.1\r\nHost: evil.example:1234\r\nConnection: close\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 403");
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), tray.statusUri().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void close_sendsGoodbye() throws Exception {
        gateway.awaitOne(r -> r.method().equals("PUT"), Duration.ofSeconds(5));
        tray.close();
        assertThat(gateway.awaitOne(r -> r.method().equals("DELETE"), Duration.ofSeconds(2)).path())
                .isEqualTo("/api/v1/hosts/box-1");
    }
}
