package dev.tether.gateway.it;

import dev.tether.gateway.testing.GatewayClient;
import dev.tether.gateway.testing.StoredMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar as a child process: flags, SIGTERM, kill -9, restart. */
class GatewayProcessIT {
    static final Path JAR = Path.of("target", "tether-gateway.jar");
    static final Pattern LISTENING = Pattern.compile("tether-gateway listening on http://127\\.0\\.0\\.1:(\\d+)");
    static final String BODY = "# HELP x An x.\n# TYPE x gauge\nx{job=\"a\"} 1\n";

    @TempDir
    Path dir;
    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** A running gateway: its process, its port, and what it logged. */
    record Running(Process process, int port, StringBuffer log, GatewayClient client) {
    }

    Running start(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("-Xmx128m", "-jar", JAR.toString(),
                "--listen", "127.0.0.1:0", "--data-dir", dir.resolve("data").toString(), "--persist-interval", "1s"));
        args.addAll(List.of(extra));
        GatewayJar.Launched g = GatewayJar.launch(args, LISTENING, started);
        return new Running(g.process(), g.port(), g.log(), new GatewayClient("http://127.0.0.1:" + g.port()));
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static ProcessResult run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(p.exitValue(), out);
    }

    record ProcessResult(int exit, String output) {
    }

    @Test
    void version_printsNameAndVersion() throws Exception {
        ProcessResult r = run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.output()).matches("tether-gateway \\S+\n");
    }

    @Test
    void help_listsFlags() throws Exception {
        ProcessResult r = run("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.output()).contains("--listen", "--data-dir", "--default-ttl", "--min-ttl", "--max-ttl",
                "--expired-retention", "--persist-interval", "--max-body-bytes", "--max-series-per-host", "--config");
    }

    @Test
    void badFlagValue_oneLineNamingFlagAndExit2() throws Exception {
        ProcessResult r = run("--max-ttl", "forever");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).startsWith("tether-gateway: --max-ttl: invalid duration").hasLineCount(1);
    }

    @Test
    void sigterm_thenRestart_losesNothing() throws Exception {
        Running gw = start();
        gw.client().put("alpha", BODY, "Tether-TTL", "10m");
        gw.client().put("beta", BODY, "Tether-TTL", "10m");
        gw.client().pause("gamma", "10m");
        String hosts = gw.client().get("/api/v1/hosts").body();
        String metrics = StoredMetrics.of(gw.client().metrics());

        gw.process().destroy(); // SIGTERM
        assertThat(gw.process().waitFor(5, TimeUnit.SECONDS)).as("stopped within 5 s").isTrue();

        Running again = start();
        assertThat(again.client().get("/api/v1/hosts").body()).isEqualTo(hosts);
        assertThat(StoredMetrics.of(again.client().metrics())).isEqualTo(metrics);
    }

    @Test
    void kill9_thenRestart_keepsWhatIsOlderThanOnePersistInterval() throws Exception {
        Running gw = start();
        gw.client().put("alpha", BODY, "Tether-TTL", "10m");
        Thread.sleep(2500); // more than one persist interval (1 s)

        gw.process().destroyForcibly(); // SIGKILL: no shutdown hook
        gw.process().waitFor(5, TimeUnit.SECONDS);

        Running again = start();
        assertThat(again.client().metrics()).contains("x{host=\"alpha\",job=\"a\"} 1.0").contains("tether_host_up{host=\"alpha\"} 1.0");
    }

    @Test
    void start_corruptStateFile_setAsideLoggedAndServes() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data").resolve("state"), "garbage");

        Running gw = start();

        assertThat(gw.client().get("/-/ready").statusCode()).isEqualTo(200);
        assertThat(gw.log().toString()).contains("is corrupt").contains("state.corrupt-");
    }
}
