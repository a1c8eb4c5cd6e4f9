package dev.tether.e2e.harness;

import dev.tether.protocol.json.Json;
import dev.tether.protocol.json.JsonException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on a free loopback port, scraping one target
 * every second with {@code honor_labels: true} and evaluating the given rule file every second.
 * Tests assert through its HTTP query API, as a user's dashboards and alerts would.
 */
public final class PrometheusServer implements AutoCloseable {
    /** Where Debian puts the binary. */
    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final ChildProcess process;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusServer(ChildProcess process, String base) {
        this.process = process;
        this.base = base;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts Prometheus scraping {@code target} ({@code host:port}) every second. */
    public static PrometheusServer start(String target, Path ruleFile, Path workDir) throws IOException, InterruptedException {
        int port = Ports.free();
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "rule_files:",
                "  - " + ruleFile.toAbsolutePath(),
                "scrape_configs:",
                "  - job_name: tether-gateway",
                "    honor_labels: true",
                "    static_configs:",
                "      - targets: ['" + target + "']",
                ""));
        ChildProcess p = ChildProcess.start("prometheus", List.of(BINARY.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"), workDir, Map.of());
        PrometheusServer server = new PrometheusServer(p, "http://127.0.0.1:" + port);
        server.awaitReady(Duration.ofSeconds(30));
        return server;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("prometheus did not become ready; output:\n" + process.output());
    }

    /** One series of an instant-query result. */
    public record Series(Map<String, Object> labels, double value) {
        public String label(String name) {
            Object v = labels.get(name);
            return v == null ? null : v.toString();
        }
    }

    /** An instant query; the result vector. */
    @SuppressWarnings("unchecked")
    public List<Series> query(String promql) throws IOException, InterruptedException {
        String url = base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("query " + promql + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            Map<String, Object> body = Json.parseObject(r.body());
            Map<String, Object> data = (Map<String, Object>) body.get("data");
            List<Series> out = new ArrayList<>();
            for (Object o : (List<Object>) data.get("result")) {
                Map<String, Object> m = (Map<String, Object>) o;
                List<Object> value = (List<Object>) m.get("value");
                out.add(new Series((Map<String, Object>) m.get("metric"), Double.parseDouble(value.get(1).toString())));
            }
            return out;
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new AssertionError("unexpected answer to " + promql + ": " + r.body(), e);
        }
    }

    /** The value of a query that must return at most one series. */
    public Optional<Double> scalar(String promql) throws IOException, InterruptedException {
        List<Series> s = query(promql);
        if (s.size() > 1) {
            throw new AssertionError(promql + " returned " + s.size() + " series: " + s);
        }
        return s.isEmpty() ? Optional.empty() : Optional.of(s.get(0).value());
    }

    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
