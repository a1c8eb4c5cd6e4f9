package dev.tether.tray.ui;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code src/test/sh/tray-smoke.sh}: the real system tray under Xvfb + trayer, driven by
 * xdotool. Skipped, with the reason, on a machine without those tools (CI installs them).
 */
class TraySmokeIT {
    private static final String[] TOOLS = {"xvfb-run", "trayer", "xdotool", "import", "curl", "python3"};

    @Test
    void realTray_pauseFromTheMenu_statusSaysPaused() throws Exception {
        for (String tool : TOOLS) {
            Assumptions.assumeTrue(onPath(tool), "tray smoke test skipped: " + tool + " is not installed "
                    + "(apt-get install xvfb xauth trayer xdotool imagemagick curl)");
        }
        Path script = Path.of("src", "test", "sh", "tray-smoke.sh").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().put("TETHER_SMOKE_OUT", Path.of("target", "tray-smoke").toAbsolutePath().toString());
        pb.environment().put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    System.out.println(line);
                    synchronized (out) {
                        out.append(line).append('\n');
                    }
                }
            } catch (Exception e) {
                // gone
            }
        });
        reader.start();
        boolean done = p.waitFor(180, TimeUnit.SECONDS);
        if (!done) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        reader.join(5000);
        String text;
        synchronized (out) {
            text = out.toString();
        }
        assertThat(done).as("the smoke test ended within 180 s; output:\n" + text).isTrue();
        assertThat(p.exitValue()).as("tray-smoke.sh output:\n" + text).isZero();
        assertThat(text).contains("state paused").contains("tray-smoke: OK");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
