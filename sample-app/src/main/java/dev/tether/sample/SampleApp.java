package dev.tether.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A small HTTP service with no Tether code in it: the demo and the end-to-end tests start it with
 * {@code -javaagent:tether-agent.jar}. It serves {@code /hello}, {@code /orders/<id>} (a little
 * latency) and {@code /fail} (a 500), and, unless told not to, calls itself a few times a second so
 * the request metrics move.
 *
 * <p>Usage: {@code java -jar tether-sample-app.jar [--port N] [--no-self-traffic]}. It prints
 * {@code sample-app listening on http://127.0.0.1:<port>} once it serves.
 */
public final class SampleApp {
    private SampleApp() {
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        boolean selfTraffic = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port":
                    port = Integer.parseInt(args[++i]);
                    break;
                case "--no-self-traffic":
                    selfTraffic = false;
                    break;
                default:
                    System.err.println("sample-app: unknown argument " + args[i]
                            + "; usage: [--port N] [--no-self-traffic]");
                    System.exit(2);
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/hello", ex -> respond(ex, 200, "hello\n"));
        server.createContext("/orders/", ex -> {
            sleepQuietly(ThreadLocalRandom.current().nextInt(1, 15));
            respond(ex, 200, "{\"order\":\"" + ex.getRequestURI().getPath().substring(8) + "\"}\n");
        });
        server.createContext("/fail", ex -> respond(ex, 500, "failed on purpose\n"));
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        int actual = server.getAddress().getPort();
        System.out.println("sample-app listening on http://127.0.0.1:" + actual);
        System.out.flush();
        if (selfTraffic) {
            selfTraffic(actual);
        } else {
            Thread.currentThread().join();
        }
    }

    /** Calls its own endpoints forever, a few times a second, from the main thread. */
    private static void selfTraffic(int port) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String[] paths = {"/hello", "/orders/1", "/orders/2", "/orders/3", "/fail"};
        long n = 0;
        while (true) {
            String path = paths[(int) (n++ % paths.length)];
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(2)).build();
                client.send(req, HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                // The demo kills processes on purpose; a failed self-call is not news.
            }
            Thread.sleep(200);
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleepQuietly(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
