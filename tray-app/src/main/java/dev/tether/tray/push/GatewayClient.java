package dev.tether.tray.push;

import dev.tether.protocol.push.Durations;
import dev.tether.protocol.push.PushProtocol;
import dev.tether.protocol.text.ExpositionFormat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The three requests of the native push API against one gateway: PUT a snapshot, POST a pause,
 * DELETE (goodbye). Stateless apart from the shared {@link HttpClient}; thread-safe.
 */
public final class GatewayClient {
    private static final int MAX_MESSAGE = 200;

    private final URI base;
    private final HttpClient http;

    /** @param base the gateway's base URL, without a trailing slash */
    public GatewayClient(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    public URI base() {
        return base;
    }

    /** {@code PUT /api/v1/hosts/{host}} with the gzip'd snapshot and the TTL. */
    public GatewayReply put(String host, EncodedSnapshot snapshot, Duration ttl, String token, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = request(PushProtocol.hostPath(host), token, timeout)
                .header("Content-Type", ExpositionFormat.TEXT_004.contentType())
                .header("Content-Encoding", "gzip")
                .header(PushProtocol.TTL_HEADER, Durations.format(ttl))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(snapshot.gzip()));
        return send(b.build());
    }

    /** {@code POST /api/v1/hosts/{host}/pause?for=<ttl>}: the host is paused, not down, for that long. */
    public GatewayReply pause(String host, Duration ttl, String token, Duration timeout)
            throws IOException, InterruptedException {
        String path = PushProtocol.pausePath(host) + "?" + PushProtocol.PAUSE_FOR_QUERY_PARAM + "=" + Durations.format(ttl);
        return send(request(path, token, timeout).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** {@code DELETE /api/v1/hosts/{host}}, asynchronously, so that goodbyes to all gateways run together. */
    public CompletableFuture<GatewayReply> goodbye(String host, String token, Duration timeout) {
        HttpRequest req = request(PushProtocol.hostPath(host), token, timeout).DELETE().build();
        long start = System.nanoTime();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(r -> new GatewayReply(r.statusCode(), firstLine(r.body()), Duration.ofNanos(System.nanoTime() - start)));
    }

    private HttpRequest.Builder request(String path, String token, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("User-Agent", "tether-tray");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private GatewayReply send(HttpRequest req) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        return new GatewayReply(r.statusCode(), firstLine(r.body()), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Reads at most a few KiB: an answer is one line, and a misbehaving server must not fill the heap. */
    static String firstLine(InputStream body) {
        try (InputStream in = body) {
            byte[] buf = in.readNBytes(4096);
            String s = new String(buf, StandardCharsets.UTF_8).strip();
            int nl = s.indexOf('\n');
            if (nl >= 0) {
                s = s.substring(0, nl).strip();
            }
            return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "..." : s;
        } catch (IOException e) {
            return "";
        }
    }
}
