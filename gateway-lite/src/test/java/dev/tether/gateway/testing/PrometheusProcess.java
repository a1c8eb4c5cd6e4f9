package dev.tether.gateway.testing;

import dev.tether.protocol.json.Json;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code prometheus} as a remote-write receiver on a free loopback port, for one test. Its
 * log goes to a file in the data dir; {@link #close()} stops it by its PID.
 */
public final class PrometheusProcess implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Starts it with {@code --web.enable-remote-write-receiver} and no scrape jobs; waits until ready. */
    public static PrometheusProcess startReceiver(Path dir) throws Exception {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1m\n");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path log = dir.resolve("prometheus.log");
        Process p = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrometheusProcess prom = new PrometheusProcess(p, port, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                HttpResponse<String> r = prom.http.send(HttpRequest.newBuilder(URI.create(prom.base() + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return prom;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!p.isAlive() || System.nanoTime() > deadline) {
                prom.close();
                throw new IllegalStateException("prometheus did not become ready:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String remoteWriteUrl() {
        return base() + "/api/v1/write";
    }

    /** The {@code data.result} of an instant query at now. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> query(String promql) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("query " + promql + " answered " + r.statusCode() + ": " + r.body());
        }
        Map<String, Object> data = (Map<String, Object>) Json.parseObject(r.body()).get("data");
        return (List<Map<String, Object>>) data.get("result");
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
