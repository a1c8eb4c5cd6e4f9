package dev.tether.agent.endpoint;

import dev.tether.agent.log.AgentLog;
import dev.tether.agent.log.LogLevel;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Counter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsServerTest {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final AgentLog log = new AgentLog(LogLevel.INFO, new PrintStream(logged, true, StandardCharsets.UTF_8));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        CollectorRegistry registry = new CollectorRegistry();
        Counter.build("orders_total", "Orders taken.").register(registry).inc(3);
        Counter.build("refunds_total", "Refunds made.").register(registry).inc();
        server = MetricsServer.start(InetAddress.getLoopbackAddress(), 0, new MetricsEndpoint(registry), log);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void get_noAccept_text004() throws Exception {
        HttpResponse<byte[]> r = get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(text(r)).contains("# TYPE orders_total counter", "orders_total 3.0").doesNotContain("# EOF");
    }

    @Test
    void get_acceptOpenMetrics_openMetrics() throws Exception {
        HttpResponse<byte[]> r = get("/metrics", "Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(r.headers().firstValue("content-type")).hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(text(r)).contains("# TYPE orders counter", "orders_total 3.0").endsWith("# EOF\n");
    }

    @Test
    void get_acceptGzip_compressedBody() throws Exception {
        HttpResponse<byte[]> r = get("/metrics", "Accept-Encoding", "gzip");
        assertThat(r.headers().firstValue("content-encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("orders_total 3.0");
        }
    }

    @Test
    void get_nameFilter_onlyThoseFamilies() throws Exception {
        String body = text(get("/metrics?name%5B%5D=refunds_total"));
        assertThat(body).contains("refunds_total 1.0").doesNotContain("orders_total");
    }

    @Test
    void get_otherPath_404() throws Exception {
        HttpResponse<byte[]> r = get("/");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(text(r)).contains("/metrics");
    }

    @Test
    void post_metrics_405WithAllow() throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @Test
    void head_metrics_headersWithoutBody() throws Exception {
        String answer = raw("HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: ").endsWith("\r\n\r\n");
    }

    @Test
    void request_headOverLimit_431AndServerStillServes() throws Exception {
        String answer = raw("GET /metrics HTTP/1.1\r\nX: " + "a".repeat(10_000) + "\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431 ");
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void request_garbage_400() throws Exception {
        assertThat(raw("hello there\r\n\r\n")).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void silentClient_doesNotBlockOtherScrapes() throws Exception {
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            assertThat(get("/metrics").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void start_portTaken_servesOnFreePortAndLogsOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            MetricsServer second = MetricsServer.start(InetAddress.getLoopbackAddress(), taken.getLocalPort(),
                    new MetricsEndpoint(new CollectorRegistry()), log);
            try {
                assertThat(second.port()).isNotEqualTo(taken.getLocalPort()).isPositive();
                String line = logged.toString(StandardCharsets.UTF_8);
                assertThat(line).startsWith("tether-agent: port " + taken.getLocalPort() + " on 127.0.0.1 is taken")
                        .endsWith("serving on a free port instead" + System.lineSeparator());
                assertThat(line.lines()).hasSize(1);
            } finally {
                second.close();
            }
        }
    }

    @Test
    void threads_allDaemonsNamedTether() throws Exception {
        get("/metrics");
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.getName().startsWith("tether-"))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.isDaemon()).as(t.getName()).isTrue());
    }

    @Test
    void close_newConnectionsAreNeverServed() throws IOException {
        int port = server.port();
        server.close();
        // A closed loopback port refuses connections. On a busy machine a connection can still succeed:
        // the kernel may pick the same ephemeral port as the source (a TCP self-connect), or another
        // process may bind the freed port. Neither is this server: what matters is that nothing it
        // serves comes back.
        for (int attempt = 0; attempt < 3; attempt++) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(500);
                s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertThat(readQuietly(s)).as("an answer after close").doesNotContain("orders_total");
            } catch (ConnectException refused) {
                return;
            }
        }
    }

    private static String readQuietly(Socket s) {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            InputStream in = s.getInputStream();
            for (int n; read.size() < 65536 && (n = in.read(buffer)) > 0; ) {
                read.write(buffer, 0, n);
            }
        } catch (IOException timeoutOrReset) {
            // What was read so far is the answer.
        }
        return new String(read.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    private String raw(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
