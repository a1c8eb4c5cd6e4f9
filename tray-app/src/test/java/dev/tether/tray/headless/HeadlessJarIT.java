package dev.tether.tray.headless;

import dev.tether.tray.testing.RecordingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar as a real process: the status line, SIGUSR2, SIGTERM's goodbye, exit codes. */
class HeadlessJarIT {
    private static final Path JAR = Path.of("target", "tether-tray.jar");
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @AfterEach
    void tearDown() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private Process launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(JAVA, "-Xmx32m", "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_CONFIG_HOME", dir.toString());
        Process p = pb.start();
        processes.add(p);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    System.out.println("[tray] " + line);
                    lines.add(line);
                }
            } catch (Exception e) {
                // process gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private String awaitLine(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null && l.contains(containing)) {
                return l;
            }
        }
        throw new AssertionError("no line containing '" + containing + "'");
    }

    private String status(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void signal(Process p, String sig) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    private String awaitStatus(URI uri, String fragment) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String s = status(uri);
        while (!s.contains(fragment) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            s = status(uri);
        }
        assertThat(s).contains(fragment);
        return s;
    }

    @Test
    void jar_headless_statusLineSigusr2TogglesPauseSigtermSaysGoodbye() throws Exception {
        try (RecordingServer gw = RecordingServer.gateway()) {
            Files.createDirectories(dir.resolve("agents"));
            Process p = launch("--headless", "--gateway", gw.url().toString(), "--host", "it-box", "--interval", "500ms",
                    "--discovery-dir", dir.resolve("agents").toString(), "--status-listen", "127.0.0.1:0");

            String line = awaitLine("tether-tray status on ");
            URI statusUri = URI.create(line.substring(line.indexOf("http://")).trim());
            gw.awaitOne(r -> r.method().equals("PUT") && r.path().equals("/api/v1/hosts/it-box"), Duration.ofSeconds(10));

            signal(p, "USR2");
            awaitStatus(statusUri, "\"paused\":true");
            gw.awaitOne(r -> r.path().equals("/api/v1/hosts/it-box/pause"), Duration.ofSeconds(5));
            signal(p, "USR2");
            awaitStatus(statusUri, "\"paused\":false");

            long termAt = System.nanoTime();
            signal(p, "TERM");
            RecordingServer.Request bye = gw.awaitOne(r -> r.method().equals("DELETE"), Duration.ofSeconds(2));
            assertThat(bye.path()).isEqualTo("/api/v1/hosts/it-box");
            assertThat(bye.atNanos() - termAt).isLessThan(TimeUnit.SECONDS.toNanos(2));
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void jar_badFlag_exitsTwoWithOneClearLine() throws Exception {
        Process p = launch("--headless", "--gateway", "http://127.0.0.1:9", "--frobnicate");
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(awaitLine("tether-tray:")).contains("unknown flag --frobnicate");
    }

    @Test
    void jar_version_printsVersion() throws Exception {
        Process p = launch("--version");
        assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(awaitLine("tether-tray")).matches("tether-tray \\S+");
    }
}
