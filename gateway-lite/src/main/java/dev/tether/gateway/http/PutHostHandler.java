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

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

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
            PushBody body = PushBody.open(ex, config, start);
            wire = body.wire();
            HostSnapshot snapshot = SnapshotReader.read(host, body.in(), format, config.maxSeriesPerHost());
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
        } catch (IOException e) {
            result = PushBody.resultOf(e);
            reply = () -> PushBody.answerUnreadable(ex, e);
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
