package dev.tether.gateway.testing;

import dev.tether.protocol.json.Json;
import dev.tether.protocol.json.JsonException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's headless {@code chromium}, driven over the DevTools protocol with the JDK's WebSocket: no
 * Selenium, no driver binary. One page per instance. {@link #close()} ends the process by its PID.
 */
public final class Chromium implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final String session;

    private Chromium(Process process, Path profile, Listener listener) throws Exception {
        this.process = process;
        this.profile = profile;
        listener.owner = this;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(listener.url), listener).get(10, TimeUnit.SECONDS);
        String target = (String) call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId");
        this.session = (String) call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId");
        call("Page.enable", Map.of());
        call("Emulation.setDeviceMetricsOverride", Map.of("width", 1100, "height", 640, "deviceScaleFactor", 1, "mobile", false));
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    public static Chromium start() throws Exception {
        Path profile = Files.createTempDirectory("tether-chromium");
        Process p = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<String> url = new CompletableFuture<>();
            StringBuffer log = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        log.append(line).append('\n');
                        if (line.startsWith("DevTools listening on ")) {
                            url.complete(line.substring("DevTools listening on ".length()).trim());
                        }
                    }
                } catch (IOException e) {
                    // the process ended
                }
                url.completeExceptionally(new IllegalStateException("chromium ended before listening:\n" + log));
            }, "chromium-stderr");
            reader.setDaemon(true);
            reader.start();
            String ws = url.get(30, TimeUnit.SECONDS);
            return new Chromium(p, profile, new Listener(ws));
        } catch (Exception | Error e) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
            deleteTree(profile);
            throw e;
        }
    }

    /** Loads {@code url} and waits for its load event. */
    public void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete' && location.href === " + Json.write(url), Duration.ofSeconds(10));
    }

    /** The value of a JavaScript expression (JSON-like: strings, numbers, booleans, lists, maps). */
    public Object eval(String expression) throws Exception {
        Map<String, Object> r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.get("exceptionDetails") != null) {
            throw new AssertionError("script failed: " + expression + ": " + Json.write(r.get("exceptionDetails")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) r.get("result");
        return result.get("value");
    }

    /** Waits until {@code expression} is true. */
    public void waitFor(String expression, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(eval(expression))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + expression);
            }
            Thread.sleep(100);
        }
    }

    /** Saves a PNG of the viewport. */
    public void screenshot(Path file) throws Exception {
        String data = (String) call("Page.captureScreenshot", Map.of("format", "png")).get("data");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(data));
    }

    private Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
        return call(session, method, params);
    }

    private Map<String, Object> call(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("id", id);
        msg.put("method", method);
        msg.put("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(Json.write(msg), true).get(10, TimeUnit.SECONDS);
        Map<String, Object> reply = answer.get(30, TimeUnit.SECONDS);
        if (reply.get("error") != null) {
            throw new AssertionError(method + " failed: " + Json.write(reply.get("error")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) reply.get("result");
        return result == null ? Map.of() : result;
    }

    private void received(String text) {
        try {
            Map<String, Object> msg = Json.parseObject(text);
            Object id = msg.get("id");
            if (id instanceof Number n) {
                CompletableFuture<Map<String, Object>> f = pending.remove(n.intValue());
                if (f != null) {
                    f.complete(msg);
                }
            }
        } catch (JsonException e) {
            throw new IllegalStateException("bad DevTools message: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            socket.abort();
        } finally {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.destroyForcibly();
            }
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }

    /** Joins fragments; answers are dispatched by id, events are ignored. */
    private static final class Listener implements WebSocket.Listener {
        final String url;
        volatile Chromium owner;
        private final StringBuilder buffer = new StringBuilder();

        Listener(String url) {
            this.url = url;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                Chromium c = owner;
                if (c != null) {
                    c.received(text);
                }
            }
            ws.request(1);
            return null;
        }
    }
}
