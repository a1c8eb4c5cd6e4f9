package dev.tether.gateway.http;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.metrics.PushResult;
import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.HostStore;
import dev.tether.gateway.store.TypeConflictException;
import dev.tether.protocol.push.Durations;
import dev.tether.protocol.push.PushProtocol;
import dev.tether.protocol.text.ExpositionFormat;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * {@code PUT /api/v1/hosts/{host}}: replaces the host's whole snapshot. Everything is checked (name,
 * TTL, content type and encoding, size, body, types) before the store changes. Runs on a worker
 * thread (blocking reads), behind a read timeout.
 */
public final class PutHostHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(PutHostHandler.class.getName());

    private final HostStore store;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;

    public PutHostHandler(HostStore store, GatewayConfig config, GatewayMetrics metrics) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        long start = System.nanoTime();
        PushResult result = PushResult.ERROR;
        LimitedInputStream wire = null;
        // The answer is sent only after the push is counted, so that a client that saw its answer
        // always finds it in tether_gateway_pushes_total.
        Runnable reply = null;
        try {
            String host = Requests.host(ex);
            Duration asked = ttlHeader(ex);
            ExpositionFormat format = ExpositionFormat.fromContentType(ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE));
            if (format == null) {
                throw HttpError.unsupported("unsupported Content-Type '" + ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE)
                        + "'; send text/plain; version=0.0.4 or application/openmetrics-text");
            }
            boolean gzip = gzipEncoded(ex);
            long length = ex.getRequestContentLength();
            if (length > config.maxBodyBytes()) {
                throw HttpError.tooLarge("body of " + length + " bytes is over the limit of " + config.maxBodyBytes()
                        + " bytes (--max-body-bytes)");
            }
            long deadline = start + config.bodyTotalTimeout().toNanos();
            wire = new LimitedInputStream(ex.getInputStream(), config.maxBodyBytes(), deadline, "body");
            InputStream body = gzip
                    ? new LimitedInputStream(new GZIPInputStream(wire, 8192), config.maxBodyBytes(), deadline, "decompressed body")
                    : wire;
            HostSnapshot snapshot = SnapshotReader.read(host, body, format, config.maxSeriesPerHost());
            HostRecord rec;
            try {
                rec = store.push(host, snapshot, config.clampTtl(asked));
            } catch (TypeConflictException e) {
                throw new HttpError(400, PushResult.CONFLICT, e.getMessage(), false);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("host", host);
            answer.put("series", snapshot.series());
            answer.put("ttlSeconds", rec.ttl().toMillis() / 1000.0);
            answer.put("expiresAt", Responses.time(rec.expiresAt()));
            reply = () -> Responses.json(ex, 200, answer);
            result = PushResult.OK;
        } catch (HttpError e) {
            result = e.result();
            reply = () -> Responses.error(ex, e);
        } catch (ZipException e) {
            result = PushResult.BAD_REQUEST;
            reply = () -> Responses.text(ex, 400, "the body is not valid gzip: " + e.getMessage());
        } catch (EOFException e) {
            // Only the gzip decoder reports a body that ends too soon this way.
            result = PushResult.BAD_REQUEST;
            reply = () -> Responses.text(ex, 400, "the gzip body ends too soon: " + e.getMessage());
        } catch (IOException e) {
            // A read that timed out (idle body) or a client that went away: the body is unusable.
            result = PushResult.TIMEOUT;
            ex.setPersistent(false);
            reply = () -> {
                if (!ex.isResponseStarted()) {
                    Responses.text(ex, 408, "the request body could not be read: " + e);
                }
            };
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "push failed", e);
            reply = () -> Responses.text(ex, 500, "internal error: " + e);
        } finally {
            if (wire != null) {
                metrics.received(wire.count());
            }
            metrics.push(result, System.nanoTime() - start);
            if (reply != null) {
                reply.run();
            }
        }
    }

    /** The {@code Tether-TTL} header, or {@code null}; a malformed one is a 400. Shared with the Pushgateway API. */
    public static Duration ttlHeader(HttpServerExchange ex) {
        String ttl = ex.getRequestHeaders().getFirst(PushProtocol.TTL_HEADER);
        if (ttl == null) {
            return null;
        }
        try {
            return Durations.parse(ttl.trim());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest(PushProtocol.TTL_HEADER + ": " + e.getMessage());
        }
    }

    /** Whether the body is gzip'd; an encoding other than gzip or identity is a 415. */
    public static boolean gzipEncoded(HttpServerExchange ex) {
        String enc = ex.getRequestHeaders().getFirst(Headers.CONTENT_ENCODING);
        if (enc == null || enc.isBlank() || enc.trim().equalsIgnoreCase("identity")) {
            return false;
        }
        if (enc.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
            return true;
        }
        throw HttpError.unsupported("unsupported Content-Encoding '" + enc + "'; send gzip or nothing");
    }
}
