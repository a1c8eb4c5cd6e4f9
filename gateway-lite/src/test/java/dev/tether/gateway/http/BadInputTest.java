package dev.tether.gateway.http;

import dev.tether.gateway.testing.GatewayClient;
import dev.tether.gateway.testing.MutableClock;
import dev.tether.gateway.testing.StoredMetrics;
import dev.tether.gateway.testing.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import java.io.ByteArrayOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad input of the table: a clear status and message, and the stored snapshots of the
 * pushing host and of every other host served exactly as before.
 */
class BadInputTest {
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_SERIES = 100;
    static final String ALPHA = "# TYPE jvm_threads gauge\njvm_threads{job=\"app\"} 12\n# TYPE requests_total counter\nrequests_total 3\n";
    static final String BETA = "# TYPE jvm_threads gauge\njvm_threads{job=\"app\"} 7\n";

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    TestGateway gw;
    GatewayClient client;
    String metricsBefore;
    String hostsBefore;

    @BeforeEach
    void start() {
        gw = TestGateway.start(dir, clock, b -> b.maxBodyBytes(MAX_BODY).maxSeriesPerHost(MAX_SERIES)
                .bodyIdleTimeout(Duration.ofMillis(1000)).bodyTotalTimeout(Duration.ofMillis(2000)));
        client = gw.client;
        assertThat(client.put("alpha", ALPHA).statusCode()).isEqualTo(200);
        assertThat(client.put("beta", BETA).statusCode()).isEqualTo(200);
        metricsBefore = StoredMetrics.of(client.metrics());
        hostsBefore = client.get("/api/v1/hosts").body();
        assertThat(metricsBefore).contains("jvm_threads{host=\"alpha\",job=\"app\"} 12.0").contains("jvm_threads{host=\"beta\",job=\"app\"} 7.0");
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    void assertRefused(HttpResponse<String> r, int status, String... messageParts) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.body()).contains(messageParts);
        assertThat(r.body().strip()).doesNotContain("\n");
        assertNothingChanged();
    }

    void assertNothingChanged() {
        assertThat(StoredMetrics.of(client.metrics())).isEqualTo(metricsBefore);
        assertThat(client.get("/api/v1/hosts").body()).isEqualTo(hostsBefore);
    }

    @Test
    void put_malformedExposition_400WithLineAndColumn() {
        assertRefused(client.put("alpha", "# TYPE x gauge\nx{job=\"a\" 1\n"), 400, "line 2, column");
    }

    @Test
    void put_sampleWithTimestamp_400() {
        assertRefused(client.put("alpha", "# TYPE x gauge\nx 1 1700000000000\n"), 400, "timestamp");
    }

    @Test
    void put_typeConflictWithAnotherHost_400NamingBothHosts() {
        assertRefused(client.put("gamma", "# TYPE jvm_threads counter\njvm_threads 1\n"), 400,
                "jvm_threads", "'gamma'", "'alpha'");
    }

    @Test
    void put_typeConflictAfterOtherHostsLapsed_accepted() {
        clock.advance(Duration.ofMinutes(1));

        assertThat(client.put("gamma", "# TYPE jvm_threads counter\njvm_threads 1\n").statusCode()).isEqualTo(200);
        assertThat(client.metrics()).contains("# TYPE jvm_threads counter\njvm_threads{host=\"gamma\"} 1.0\n");
    }

    @Test
    void put_reservedFamilyName_400() {
        assertRefused(client.put("alpha", "# TYPE tether_host_up gauge\ntether_host_up 1\n"), 400, "reserves");
    }

    @Test
    void put_sameSeriesTwiceAfterHostOverride_400() {
        // host="a" is kept as exported_host="a", which the second sample already has.
        assertRefused(client.put("alpha", "# TYPE x gauge\nx{host=\"a\"} 1\nx{exported_host=\"a\"} 2\n"), 400, "appears twice");
    }

    @Test
    void put_bodyOverLimitByContentLength_413() {
        assertRefused(client.put("alpha", bigBody(MAX_BODY + 1)), 413, "over the limit", "--max-body-bytes");
    }

    @Test
    void put_chunkedBodyOverLimit_413WithoutReadingAll() throws Exception {
        // No Content-Length: the limit is found while reading. The stream is far larger than the limit.
        HttpRequest req = HttpRequest.newBuilder(URI.create(base() + "/api/v1/hosts/alpha"))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bigBody(4 * MAX_BODY).getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> r;
        try {
            r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The server answered and closed before the client finished sending; what matters is
            // that nothing was stored, and the counter says why.
            assertNothingChanged();
            assertThat(client.metrics()).contains("tether_gateway_pushes_total{result=\"too_large\"} 1.0");
            return;
        }
        assertRefused(r, 413, "over the limit");
    }

    @Test
    void put_gzipBomb_413WithoutInflatingAll() {
        // 64 MiB of zeros in about 64 KiB of gzip: small on the wire, huge when inflated.
        byte[] bomb = gzipZeros(64 << 20);
        assertThat(bomb.length).isLessThan(MAX_BODY);

        assertRefused(client.put("alpha", bomb, "Content-Encoding", "gzip"), 413, "decompressed body", "over the limit");
    }

    @Test
    void put_validGzipBody_accepted() {
        byte[] gz = GatewayClient.gzip("# TYPE z gauge\nz 1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(client.put("gamma", gz, "Content-Encoding", "gzip").statusCode()).isEqualTo(200);
        assertThat(client.metrics()).contains("z{host=\"gamma\"} 1.0");
    }

    @Test
    void put_invalidGzip_400() {
        assertRefused(client.put("alpha", "not gzip at all", "Content-Encoding", "gzip"), 400, "gzip");
    }

    @Test
    void put_truncatedGzip_400() {
        byte[] gz = GatewayClient.gzip(ALPHA.getBytes(StandardCharsets.UTF_8));

        assertRefused(client.put("alpha", java.util.Arrays.copyOf(gz, gz.length - 12), "Content-Encoding", "gzip"), 400, "gzip");
    }

    @Test
    void put_moreSeriesThanLimit_413() {
        StringBuilder sb = new StringBuilder("# TYPE s gauge\n");
        for (int i = 0; i <= MAX_SERIES; i++) {
            sb.append("s{i=\"").append(i).append("\"} 1\n");
        }
        assertRefused(client.put("alpha", sb.toString()), 413, "more than 100 series", "--max-series-per-host");
    }

    @Test
    void put_badHostName_400() {
        assertRefused(client.put("bad%20host", ALPHA), 400, "invalid host name");
        assertRefused(client.put("x".repeat(129), ALPHA), 400, "invalid host name");
    }

    @Test
    void put_badTtlSyntax_400() {
        assertRefused(client.put("alpha", ALPHA, "Tether-TTL", "soon"), 400, "Tether-TTL", "invalid duration");
    }

    @Test
    void pause_badForSyntax_400() {
        assertRefused(client.pause("alpha", "forever"), 400, "invalid duration");
    }

    @Test
    void put_unsupportedContentType_415() {
        assertRefused(client.put("alpha", ALPHA, "Content-Type", "application/json"), 415, "Content-Type");
    }

    @Test
    void put_unsupportedContentEncoding_415() {
        assertRefused(client.put("alpha", ALPHA, "Content-Encoding", "br"), 415, "Content-Encoding");
    }

    @Test
    void put_bodyNeverFinishes_timesOutAndClosesConnection() throws Exception {
        try (Socket s = new Socket("127.0.0.1", gw.gateway.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("PUT /api/v1/hosts/alpha HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n# TYPE jvm_threads gauge\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The idle timeout closes the connection under the request; the socket must be freed.
            String answer = readUntilClosed(s.getInputStream());
            assertThat(answer).satisfiesAnyOf(a -> assertThat(a).isEmpty(), a -> assertThat(a).startsWith("HTTP/1.1 408"));
        }
        assertTimeoutCountedAndNothingChanged();
    }

    @Test
    void put_bodyTrickles_timesOutAtTotalDeadline() throws Exception {
        try (Socket s = new Socket("127.0.0.1", gw.gateway.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("PUT /api/v1/hosts/alpha HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // One line every 100 ms never trips the 1 s idle timeout, only the 2 s total deadline.
            try {
                for (int i = 0; i < 100; i++) {
                    out.write(("# HELP h" + i + " x\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException closedByServer) {
                // expected: the server gave up on us
            }
            String answer = readUntilClosed(s.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 408");
        }
        assertTimeoutCountedAndNothingChanged();
    }

    private void assertTimeoutCountedAndNothingChanged() {
        assertNothingChanged();
        assertThat(client.metrics()).contains("tether_gateway_pushes_total{result=\"timeout\"} 1.0");
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                bos.write(buf, 0, n);
            }
        } catch (IOException reset) {
            // a reset after the answer is as good as a close
        }
        return bos.toString(StandardCharsets.US_ASCII);
    }

    private String base() {
        return "http://127.0.0.1:" + gw.gateway.address().getPort();
    }

    private static String bigBody(int bytes) {
        StringBuilder sb = new StringBuilder("# TYPE big gauge\n");
        int i = 0;
        while (sb.length() < bytes) {
            sb.append("big{i=\"").append(i++).append("\"} 1\n");
        }
        return sb.toString();
    }

    private static byte[] gzipZeros(int size) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            byte[] zeros = new byte[1 << 16];
            for (int i = 0; i < size / zeros.length; i++) {
                gz.write(zeros);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bos.toByteArray();
    }
}
