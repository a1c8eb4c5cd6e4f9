package dev.tether.tray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, dir.resolve("absent.properties"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_version_printsVersionAndExitsZero() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("tether-tray ");
    }

    @Test
    void run_help_printsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--gateway URL").contains("--status-listen");
    }

    @Test
    void run_badFlag_clearErrorAndExitTwo() {
        assertThat(run("--headless", "--gateway", "http://127.0.0.1:9091", "--intervl", "5s")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown flag --intervl").contains("--help");
    }

    @Test
    void run_badValue_exitTwo() {
        assertThat(run("--headless", "--gateway", "http://127.0.0.1:9091", "--interval", "fast")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--interval: invalid duration 'fast'");
    }

    @Test
    void run_statusPortTaken_exitOneWithReason() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            PrintStream stdout = System.out;
            ByteArrayOutputStream logged = new ByteArrayOutputStream();
            System.setOut(new PrintStream(logged, true, StandardCharsets.UTF_8));
            int code;
            try {
                code = run("--headless", "--gateway", "http://127.0.0.1:9", "--discovery-dir", dir.toString(),
                        "--status-listen", "127.0.0.1:" + taken.getLocalPort());
            } finally {
                System.setOut(stdout);
            }
            assertThat(code).isEqualTo(1);
            assertThat(logged.toString(StandardCharsets.UTF_8)).contains("cannot start: cannot listen on")
                    .contains("for --status-listen");
        }
    }

    @Test
    void run_noGateway_exitTwo() {
        assertThat(run("--headless")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no gateway");
    }

    @Test
    void run_withoutHeadlessAndNoDisplay_fallsBackToHeadlessAndSaysSo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.awt.GraphicsEnvironment.isHeadless(), "a display is attached");
        // No gateway, so the headless fallback stops at once with its usage error instead of running.
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("no display (DISPLAY is not set); falling back to headless mode (--headless)");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no gateway");
    }
}
