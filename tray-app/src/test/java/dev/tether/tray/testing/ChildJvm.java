package dev.tether.tray.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A jar the reactor built (the gateway, the sample app with the agent), run as a child JVM for UI
 * tests; its output is echoed with a prefix and can be waited on.
 */
public final class ChildJvm implements AutoCloseable {
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process, String name) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    System.out.println("[" + name + "] " + line);
                    lines.add(line);
                }
            } catch (IOException e) {
                // gone
            }
        }, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code <repo>/relative}, built by {@code mvn package} of its module; fails clearly when missing. */
    public static Path built(String relative) {
        Path p = Path.of(System.getProperty("tether.root", "..")).toAbsolutePath().normalize().resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p + " is missing: build it first (mvn -B package -DskipTests "
                    + "-pl protocol,agent,sample-app,gateway-lite), or run mvn -B verify from the root");
        }
        return p;
    }

    public static ChildJvm start(String name, List<String> jvmArgsAndJar) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(JAVA);
        cmd.addAll(jvmArgsAndJar);
        return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start(), name);
    }

    /** The real gateway on a free loopback port, with {@code extraArgs} (TLS flags); returns once it listens. */
    public static ChildJvm gateway(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("-Xmx128m", "-jar", built("gateway-lite/target/tether-gateway.jar").toString(),
                "--listen", "127.0.0.1:0", "--data-dir", dataDir.toString(), "--min-ttl", "1s"));
        cmd.addAll(List.of(extraArgs));
        ChildJvm g = start("gateway", cmd);
        g.await(Pattern.compile("listening on (https?://[0-9.:]+)"), Duration.ofSeconds(30));
        return g;
    }

    /** The sample app with the agent writing to {@code discoveryDir}; returns once it listens. */
    public static ChildJvm sampleApp(String app, Path discoveryDir) throws IOException, InterruptedException {
        ChildJvm a = start(app, List.of("-Xmx64m",
                "-javaagent:" + built("agent/target/tether-agent.jar") + "=app=" + app + ",discovery.dir=" + discoveryDir,
                "-jar", built("sample-app/target/tether-sample-app.jar").toString()));
        a.await(Pattern.compile("listening on (http://[0-9.:]+)"), Duration.ofSeconds(30));
        return a;
    }

    private String firstGroup;

    /** Waits for a line matching {@code p}; remembers its first group ({@link #url()}). */
    public String await(Pattern p, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l != null) {
                Matcher m = p.matcher(l);
                if (m.find()) {
                    firstGroup = m.groupCount() > 0 ? m.group(1) : l;
                    return l;
                }
            }
            if (!process.isAlive() && lines.isEmpty()) {
                throw new AssertionError("the process exited with " + process.exitValue() + " before printing " + p);
            }
        }
        throw new AssertionError("no line matching " + p + " within " + timeout);
    }

    /** What the last {@link #await} captured: the URL it listens on. */
    public String url() {
        return firstGroup;
    }

    public long pid() {
        return process.pid();
    }

    /** Kills it hard, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
