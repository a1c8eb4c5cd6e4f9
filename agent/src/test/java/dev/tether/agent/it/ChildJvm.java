package dev.tether.agent.it;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real JVM started for a test, output captured in files; {@link #close} always destroys it. */
final class ChildJvm implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private ChildJvm(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static Builder builder(Jdk jdk, Path workDir) {
        return new Builder(jdk, workDir);
    }

    long pid() {
        return process.pid();
    }

    String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** Waits until stdout holds {@code text}; fails with both outputs if it does not come. */
    void awaitStdout(String text) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!stdout().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive() && !stdout().contains(text)) {
                throw new AssertionError("no '" + text + "' from the child (alive=" + process.isAlive() + ")\nstdout:\n"
                        + stdout() + "\nstderr:\n" + stderr());
            }
            Thread.sleep(20);
        }
    }

    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** @return the exit code */
    int awaitExit() throws Exception {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("child did not exit\nstdout:\n" + stdout() + "\nstderr:\n" + stderr());
        }
        return process.exitValue();
    }

    boolean waitForExit(Duration d) throws InterruptedException {
        return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    static final class Builder {
        private final Jdk jdk;
        private final Path workDir;
        private final List<String> jvmArgs = new ArrayList<>();
        private final List<String> classPath = new ArrayList<>(List.of(BuildOutputs.appClasses()));
        private String agentArgs;
        private boolean agent;
        private final List<String> appArgs = new ArrayList<>();
        private String mainClass = TestApp.class.getName();
        private final Map<String, String> env = new java.util.HashMap<>();

        private Builder(Jdk jdk, Path workDir) {
            this.jdk = jdk;
            this.workDir = workDir;
        }

        /** {@code -javaagent:tether-agent.jar[=args]}; null args adds none. */
        Builder agent(String args) {
            this.agent = true;
            this.agentArgs = args;
            return this;
        }

        Builder jvmArg(String arg) {
            jvmArgs.add(arg);
            return this;
        }

        Builder classPath(String entry) {
            classPath.add(entry);
            return this;
        }

        Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        Builder mainClass(Class<?> main) {
            this.mainClass = main.getName();
            return this;
        }

        Builder mode(String mode) {
            appArgs.add(mode);
            return this;
        }

        ChildJvm start() throws IOException {
            List<String> command = new ArrayList<>();
            command.add(jdk.java());
            if (agent) {
                command.add("-javaagent:" + BuildOutputs.agentJar() + (agentArgs == null ? "" : "=" + agentArgs));
            }
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(String.join(File.pathSeparator, classPath));
            command.add(mainClass);
            command.addAll(appArgs);
            return launch(command, workDir, env);
        }
    }

    /** Starts any command the same way, e.g. {@code java -jar tether-agent.jar attach}. */
    static ChildJvm launch(List<String> command, Path workDir, Map<String, String> env) throws IOException {
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // The build's own environment must not leak into what a test asserts.
        pb.environment().keySet().removeIf(k -> k.startsWith("TETHER_") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS"));
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), out, err);
    }
}
