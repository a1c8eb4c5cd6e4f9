package dev.tether.tray.headless;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tether.tray.core.Forwarder;
import dev.tether.tray.status.StatusJson;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The headless tray's own endpoint, on loopback only: {@code GET /status} (JSON),
 * {@code POST /pause}, {@code POST /resume}. Requests whose {@code Host} is not a loopback name
 * (DNS rebinding) or that carry an {@code Origin} (a web page's script) are refused, so that a
 * browser cannot read the status or pause the tray.
 */
public final class StatusServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Forwarder forwarder;

    private StatusServer(HttpServer server, ExecutorService executor, Forwarder forwarder) {
        this.server = server;
        this.executor = executor;
        this.forwarder = forwarder;
    }

    /** Binds {@code address} (which must be loopback) and starts serving. */
    public static StatusServer start(InetSocketAddress address, Forwarder forwarder) throws IOException {
        if (!address.getAddress().isLoopbackAddress()) {
            throw new IOException("the status endpoint listens on loopback only, not " + address);
        }
        HttpServer server = HttpServer.create(address, 8);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tether-status");
            t.setDaemon(true);
            return t;
        });
        StatusServer s = new StatusServer(server, executor, forwarder);
        server.createContext("/", s::handle);
        server.setExecutor(executor);
        server.start();
        return s;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://127.0.0.1:<port>/status}. */
    public URI statusUri() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/status");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRemoteAddress().getAddress().isLoopbackAddress() || !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
                reply(ex, 403, "text/plain", "loopback only\n");
                return;
            }
            if (ex.getRequestHeaders().getFirst("Origin") != null) {
                reply(ex, 403, "text/plain", "cross-origin requests are refused\n");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (path) {
                case "/status":
                    if (!method.equals("GET") && !method.equals("HEAD")) {
                        methodNotAllowed(ex, "GET");
                        return;
                    }
                    reply(ex, 200, "application/json", StatusJson.write(forwarder.status()) + "\n");
                    return;
                case "/pause":
                case "/resume":
                    if (!method.equals("POST")) {
                        methodNotAllowed(ex, "POST");
                        return;
                    }
                    if (path.equals("/pause")) {
                        forwarder.pause();
                    } else {
                        forwarder.resume();
                    }
                    reply(ex, 200, "application/json", StatusJson.write(forwarder.status()) + "\n");
                    return;
                default:
                    reply(ex, 404, "text/plain", "not found; try GET /status, POST /pause, POST /resume\n");
            }
        }
    }

    private static boolean loopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return true;
        }
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            h = h.substring(1, Math.max(1, h.indexOf(']')));
        } else if (h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    private static void methodNotAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        reply(ex, 405, "text/plain", "method not allowed; use " + allow + "\n");
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : b.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
