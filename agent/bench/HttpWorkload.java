import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP workload of agent/bench/workload.sh: a JDK HttpServer and a JDK HttpClient in one JVM,
 * on loopback over keep-alive, GET and POST on a few routes: first 2000 requests as a warm-up (the JIT,
 * and an agent finishing its start on its own thread), then the 2000 timed ones. Prints the time of the
 * timed loop in ms; the script also takes the process's wall time, warm-up included.
 */
public final class HttpWorkload {
    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(ex.getRequestMethod().equals("POST") ? 201 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        HttpClient client = HttpClient.newHttpClient();
        loop(client, base, warmup);
        long start = System.nanoTime();
        loop(client, base, requests);
        System.out.printf("loop_ms %.1f%n", (System.nanoTime() - start) / 1e6);
        // Peak RSS of the whole run, for the agents' memory cost in an app that uses what they instrument.
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println("peak_rss_kb " + line.replaceAll("\\D", ""));
            }
        }
        server.stop(0);
    }

    private static void loop(HttpClient client, String base, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/items/" + (i % 20)));
            if (i % 4 == 0) {
                b.POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"));
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException("status " + r.statusCode());
            }
        }
    }
}
