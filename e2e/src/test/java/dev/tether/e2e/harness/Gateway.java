package dev.tether.e2e.harness;

import dev.tether.protocol.model.MetricFamily;
import dev.tether.protocol.model.Sample;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ParseException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The real gateway jar, started as its own process on a free loopback port. */
public final class Gateway implements AutoCloseable {
    private final ChildProcess process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Gateway(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Gateway start(Path workDir, String... extraArgs) throws IOException, InterruptedException {
        int port = Ports.free();
        List<String> cmd = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx256m", "-jar", Repo.gatewayJar().toString(),
                "--listen", "127.0.0.1:" + port, "--data-dir", workDir.resolve("gateway-data").toString(),
                // The tests' trays ask for a 3 s TTL; the default floor of 5 s would raise it.
                "--min-ttl", "1s"));
        cmd.addAll(List.of(extraArgs));
        ChildProcess p = ChildProcess.start("gateway", cmd, workDir, Map.of());
        p.awaitLine("listening on", Duration.ofSeconds(30));
        return new Gateway(p, port);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String hostPort() {
        return "127.0.0.1:" + port;
    }

    /** Every sample the gateway serves now. */
    public List<Sample> scrape() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new AssertionError("/metrics answered " + r.statusCode());
        }
        try {
            List<Sample> out = new ArrayList<>();
            for (MetricFamily f : ExpositionParser.parse(r.body(), ExpositionFormat.TEXT_004)) {
                out.addAll(f.samples());
            }
            return out;
        } catch (ParseException e) {
            throw new AssertionError("the gateway served text its own parser refuses: " + e.getMessage(), e);
        }
    }

    /** The samples that match. */
    public List<Sample> scrape(Predicate<Sample> filter) throws IOException, InterruptedException {
        return scrape().stream().filter(filter).toList();
    }

    public String hostsJson() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/hosts")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    public String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }
}
