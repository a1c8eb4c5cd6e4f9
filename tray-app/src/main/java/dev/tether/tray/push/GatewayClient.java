package dev.tether.tray.push;

import dev.tether.protocol.push.Durations;
import dev.tether.protocol.push.PushProtocol;
import dev.tether.protocol.text.ExpositionFormat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;

/**
 * The three requests of the native push API against one gateway: PUT a snapshot, POST a pause,
 * DELETE (goodbye). Stateless; thread-safe.
 */
public final class GatewayClient {
    private static final int MAX_MESSAGE = 200;

    private final URI base;
    private final GatewayConnector connector;

    /** @param base the gateway's base URL, without a trailing slash */
    public GatewayClient(URI base, GatewayConnector connector) {
        this.base = base;
        this.connector = connector;
    }

    public URI base() {
        return base;
    }

    /** {@code PUT /api/v1/hosts/{host}} with the gzip'd snapshot and the TTL. */
    public GatewayReply put(String host, EncodedSnapshot snapshot, Duration ttl, String token, Duration timeout)
            throws IOException {
        HttpURLConnection c = open(PushProtocol.hostPath(host), "PUT", token, timeout);
        c.setRequestProperty("Content-Type", ExpositionFormat.TEXT_004.contentType());
        c.setRequestProperty("Content-Encoding", "gzip");
        c.setRequestProperty(PushProtocol.TTL_HEADER, Durations.format(ttl));
        return exchange(c, snapshot.gzip());
    }

    /** {@code POST /api/v1/hosts/{host}/pause?for=<ttl>}: the host is paused, not down, for that long. */
    public GatewayReply pause(String host, Duration ttl, String token, Duration timeout) throws IOException {
        String path = PushProtocol.pausePath(host) + "?" + PushProtocol.PAUSE_FOR_QUERY_PARAM + "=" + Durations.format(ttl);
        return exchange(open(path, "POST", token, timeout), new byte[0]);
    }

    /** {@code DELETE /api/v1/hosts/{host}} on a thread of its own, so that goodbyes to all gateways run together. */
    public CompletableFuture<GatewayReply> goodbye(String host, String token, Duration timeout) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return exchange(open(PushProtocol.hostPath(host), "DELETE", token, timeout), null);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "tether-goodbye");
            t.setDaemon(true);
            t.start();
        });
    }

    private HttpURLConnection open(String path, String method, String token, Duration timeout) throws IOException {
        HttpURLConnection c = connector.open(URI.create(base + path));
        c.setRequestMethod(method);
        int ms = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        c.setConnectTimeout(ms);
        c.setReadTimeout(ms);
        c.setRequestProperty("User-Agent", "tether-tray");
        if (token != null) {
            c.setRequestProperty("Authorization", "Bearer " + token);
        }
        return c;
    }

    /** Sends the body (if any) and reads the answer; {@code null} body means none (DELETE). */
    private GatewayReply exchange(HttpURLConnection c, byte[] body) throws IOException {
        long start = System.nanoTime();
        try {
            if (body != null) {
                // Buffered, not streaming mode: in streaming mode the JDK drops the body of a 401, and
                // with it the gateway's reason. Bodies are small (gzip'd snapshots), and PUT and pause
                // are idempotent should the JDK resend one on a stale keep-alive connection.
                c.setDoOutput(true);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            return new GatewayReply(status, firstLine(in), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            c.disconnect();
            throw tlsReason(c, e);
        }
    }

    /**
     * The TLS refusal behind a failed exchange, else {@code e}. With TLS 1.3 a gateway that refuses
     * the client certificate (none, or one its CA did not sign) says so in an alert after the
     * handshake; the JDK then fails writing the request ("Error writing to server") and the alert is
     * never read. A bare handshake on a new connection reads it ({@link GatewayConnector#tlsRefusal}),
     * so that the status says "TLS" rather than "unreachable". Not for timeouts or refused connections: those are what they say.
     */
    private IOException tlsReason(HttpURLConnection failed, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return (SSLException) t;
            }
        }
        if (!(failed instanceof HttpsURLConnection) || e instanceof SocketTimeoutException || e instanceof ConnectException
                || e instanceof UnknownHostException) {
            return e;
        }
        SSLException refusal = connector.tlsRefusal(base, failed.getConnectTimeout());
        if (refusal != null) {
            refusal.addSuppressed(e);
            return refusal;
        }
        return e;
    }

    /** Reads at most a few KiB: an answer is one line, and a misbehaving server must not fill the heap. */
    static String firstLine(InputStream body) {
        if (body == null) {
            return "";
        }
        try (InputStream in = body) {
            byte[] buf = in.readNBytes(4096);
            // Drain the rest (bounded), so that the connection can be reused.
            in.skip(64 * 1024);
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
