package dev.tether.e2e.harness;

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

/** The real tray jar, headless, as its own process (so a test can kill it with -9). */
public final class Tray implements AutoCloseable {
    private final ChildProcess process;
    private final String statusUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Tray(ChildProcess process, String statusUrl) {
        this.process = process;
        this.statusUrl = statusUrl;
    }

    public static Tray start(Gateway gateway, String host, Path discoveryDir, Path workDir, String interval, String ttl)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ChildProcess.java(), "-Xmx64m", "-jar", Repo.trayJar().toString(),
                "--headless", "--gateway", gateway.url(), "--host", host, "--interval", interval, "--ttl", ttl,
                "--discovery-dir", discoveryDir.toString(), "--status-listen", "127.0.0.1:0"));
        // A config home of its own, so that no user's tray.properties leaks into the test, and no
        // proxy from the environment between the tray and a loopback gateway.
        ChildProcess p = ChildProcess.start("tray", cmd, workDir, Map.of("XDG_CONFIG_HOME", workDir.resolve("config").toString(),
                "NO_PROXY", "127.0.0.1,localhost", "no_proxy", "127.0.0.1,localhost"));
        String status = p.awaitLine("status on (http://\\S+/status)", Duration.ofSeconds(30));
        return new Tray(p, status);
    }

    public void pause() throws IOException, InterruptedException {
        post("/pause");
    }

    public void resume() throws IOException, InterruptedException {
        post("/resume");
    }

    private void post(String path) throws IOException, InterruptedException {
        String url = statusUrl.replaceFirst("/status$", path);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    public String status() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(statusUrl)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
