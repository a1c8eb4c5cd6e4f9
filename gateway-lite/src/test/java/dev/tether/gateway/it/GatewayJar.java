package dev.tether.gateway.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts the built gateway jar as a child process and waits for the line that names its port. */
final class GatewayJar {
    private GatewayJar() {
    }

    /** The child: its process, the port it logged, what it logged so far, and the thread reading it. */
    record Launched(Process process, int port, StringBuffer log, Thread reader) {
    }

    /**
     * Runs {@code java <jvmAndJarArgs>}, records the process in {@code started} (for the test's
     * teardown), and waits up to 20 s for a line matching {@code listening}, whose group 1 is the port.
     */
    static Launched launch(List<String> jvmAndJarArgs, Pattern listening, List<Process> started) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(GatewayProcessIT.javaBin());
        cmd.addAll(jvmAndJarArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        started.add(p);
        StringBuffer log = new StringBuffer();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.append(line).append('\n');
                    Matcher m = listening.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            port.completeExceptionally(new AssertionError("gateway ended before listening:\n" + log));
        });
        reader.setDaemon(true);
        reader.start();
        return new Launched(p, port.get(20, TimeUnit.SECONDS), log, reader);
    }
}
