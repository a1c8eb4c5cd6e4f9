package dev.tether.tray.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A real HTTP server on loopback that records every request and answers as the test tells it:
 * a stand-in for the gateway where the real one cannot produce the case (503, 401, slow), and for
 * metrics targets (a body with a content type, or garbage).
 */
public final class RecordingServer implements AutoCloseable {
    /** One recorded request. */
    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body, long atNanos) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** How to answer. */
    public record Answer(int status, String contentType, String body, Duration delay) {
        public static Answer of(int status, String body) {
            return new Answer(status, "text/plain; charset=utf-8", body, Duration.ZERO);
        }

        public static Answer metrics(String body) {
            return new Answer(200, "text/plain; version=0.0.4; charset=utf-8", body, Duration.ZERO);
        }

        public Answer after(Duration d) {
            return new Answer(status, contentType, body, d);
        }
    }

    private final HttpServer server;
    private final String scheme;
    private final ExecutorService executor;
    private final List<Request> requests = new ArrayList<>();
    private volatile Function<Request, Answer> responder;

    public RecordingServer(Function<Request, Answer> responder) throws IOException {
        this(responder, null);
    }

    /** Serves https with {@code tls} when it is not null. */
    public RecordingServer(Function<Request, Answer> responder, SSLContext tls) throws IOException {
        this.responder = responder;
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls != null) {
            HttpsServer https = HttpsServer.create(at, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        } else {
            this.server = HttpServer.create(at, 16);
        }
        this.scheme = tls != null ? "https" : "http";
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A gateway that accepts everything as the real one would. */
    public static RecordingServer gateway() throws IOException {
        return new RecordingServer(r -> Answer.of(200, "{\"host\":\"h\",\"series\":1,\"ttlSeconds\":45,\"expiresAt\":\"2026-11-21T06:00:00Z\"}"));
    }

    public void respond(Function<Request, Answer> r) {
        this.responder = r;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, String> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            byte[] body = ex.getRequestBody().readAllBytes();
            Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                    headers, body, System.nanoTime());
            synchronized (requests) {
                requests.add(req);
                requests.notifyAll();
            }
            Answer a = responder.apply(req);
            if (!a.delay().isZero()) {
                try {
                    Thread.sleep(a.delay().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", a.contentType());
            ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException e) {
            // The client went away (a timeout in the test): nothing to answer.
        }
    }

    public URI url() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort());
    }

    public URI url(String path) {
        return URI.create(url() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits until {@code count} requests match, or fails after {@code timeout}. */
    public List<Request> await(Predicate<Request> match, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (true) {
                List<Request> m = new ArrayList<>();
                for (Request r : requests) {
                    if (match.test(r)) {
                        m.add(r);
                    }
                }
                if (m.size() >= count) {
                    return m;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " matching requests within " + timeout + ", got "
                            + m.size() + " of " + requests.size() + ": " + describe());
                }
                requests.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    public Request awaitOne(Predicate<Request> match, Duration timeout) throws InterruptedException {
        List<Request> m = await(match, 1, timeout);
        return m.get(m.size() - 1);
    }

    private String describe() {
        List<String> out = new ArrayList<>();
        for (Request r : requests) {
            out.add(r.method() + " " + r.path() + (r.query() != null ? "?" + r.query() : ""));
        }
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
