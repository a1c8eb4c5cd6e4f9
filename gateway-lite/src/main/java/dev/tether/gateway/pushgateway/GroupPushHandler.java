package dev.tether.gateway.pushgateway;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.http.HttpError;
import dev.tether.gateway.http.LimitedInputStream;
import dev.tether.gateway.http.PushBody;
import dev.tether.gateway.http.PutHostHandler;
import dev.tether.gateway.http.Responses;
import dev.tether.gateway.http.SnapshotReader;
import dev.tether.gateway.metrics.GatewayMetrics;
import dev.tether.gateway.metrics.PushResult;
import dev.tether.gateway.store.GroupStore;
import dev.tether.gateway.store.HostSnapshot;
import dev.tether.gateway.store.TooManySeriesException;
import dev.tether.gateway.store.TypeConflictException;
import dev.tether.protocol.model.Labels;
import dev.tether.protocol.push.Durations;
import dev.tether.protocol.text.ExpositionFormat;
import dev.tether.protocol.text.ExpositionParser;
import dev.tether.protocol.text.ParseException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code PUT} and {@code POST /metrics/job/<job>{/<label>/<value>}*}: a push to a Pushgateway group.
 * PUT replaces the group's families, POST only those with the same names. The grouping labels
 * replace the same labels in the body, and series without {@code instance} get {@code instance=""},
 * as in the Pushgateway. Text (0.0.4, or OpenMetrics by name; any other type is read as text 0.0.4,
 * as the Pushgateway does) and delimited protobuf, gzip'd or not. A TTL is optional
 * ({@code Tether-TTL} header or {@code ?ttl=}); without one the group never expires.
 *
 * <p>A refused push changes no series. A body that parses but is refused (timestamps, a type
 * conflict, a series twice, a reserved name) also sets the group's {@code push_failure_time_seconds},
 * as the Pushgateway does; a malformed body does not.
 */
public final class GroupPushHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(GroupPushHandler.class.getName());

    private final GroupStore store;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;
    private final boolean replace;

    /** @param replace {@code true} for PUT, {@code false} for POST */
    public GroupPushHandler(GroupStore store, GatewayConfig config, GatewayMetrics metrics, boolean replace) {
        this.store = store;
        this.config = config;
        this.metrics = metrics;
        this.replace = replace;
    }

    /** A body that is not valid exposition text or protobuf: refused without recording a failure. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        long start = System.nanoTime();
        PushResult result = PushResult.ERROR;
        LimitedInputStream wire = null;
        Labels key = null;
        // Answered only after the push is counted, as for hosts: a client that saw its answer finds
        // it in tether_gateway_pushes_total.
        Runnable reply = null;
        try {
            key = GroupPath.of(ex);
            Duration ttl = ttl(ex);
            String contentType = ex.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
            boolean protobuf = ProtobufFormat.isProtobuf(contentType);
            ExpositionFormat format = ExpositionFormat.fromContentType(contentType);
            ExpositionFormat text = format == null ? ExpositionFormat.TEXT_004 : format;
            PushBody body = PushBody.open(ex, config, start);
            wire = body.wire();
            Labels groupKey = key;
            HostSnapshot snapshot;
            try {
                snapshot = SnapshotReader.read("group " + key, labels -> force(labels, groupKey), config.maxSeriesPerHost(),
                        "--max-series-per-host", "the grouping labels replace pushed ones",
                        sink -> {
                            try {
                                if (protobuf) {
                                    ProtobufFormat.parse(body.in(), config.maxBodyBytes(), config.maxSeriesPerHost(), sink);
                                } else {
                                    ExpositionParser.parse(body.in(), text, sink);
                                }
                            } catch (ProtobufFormat.TooManySamplesException e) {
                                throw HttpError.tooLarge("group " + groupKey + " pushed " + e.getMessage()
                                        + " (--max-series-per-host)");
                            } catch (ProtobufFormat.MalformedException e) {
                                throw new Malformed("malformed protobuf body: " + e.getMessage());
                            } catch (ParseException e) {
                                throw new Malformed(e.getMessage());
                            }
                        });
            } catch (HttpError e) {
                if (e.status() == 400) {
                    store.pushFailed(key);
                }
                throw e;
            }
            try {
                store.push(key, snapshot, replace, ttl, config.maxSeriesPerHost());
            } catch (TypeConflictException e) {
                store.pushFailed(key);
                throw new HttpError(400, PushResult.CONFLICT,
                        "pushed metrics are invalid or inconsistent with existing metrics: " + e.getMessage(), false);
            } catch (TooManySeriesException e) {
                throw new HttpError(413, PushResult.TOO_LARGE, e.getMessage() + " (--max-series-per-host)", false);
            }
            reply = () -> {
                ex.setStatusCode(200);
                ex.endExchange();
            };
            result = PushResult.OK;
        } catch (Malformed e) {
            result = PushResult.BAD_REQUEST;
            reply = () -> Responses.text(ex, 400, e.getMessage());
        } catch (HttpError e) {
            result = e.result();
            reply = () -> Responses.error(ex, e);
        } catch (IOException e) {
            result = PushBody.resultOf(e);
            reply = () -> PushBody.answerUnreadable(ex, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "push to group " + key + " failed", e);
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

    /** The grouping labels replace the same pushed labels; {@code instance=""} when there is none. */
    private static Labels force(Labels pushed, Labels key) {
        Labels out = pushed;
        for (int i = 0; i < key.size(); i++) {
            out = out.with(key.name(i), key.value(i));
        }
        return out.contains("instance") ? out : out.with("instance", "");
    }

    /** The TTL asked by header or {@code ?ttl=}, clamped; {@code null} when none was asked. */
    private Duration ttl(HttpServerExchange ex) {
        Duration asked = PutHostHandler.ttlHeader(ex);
        String q = Responses.queryParam(ex, "ttl");
        if (asked == null && q != null) {
            try {
                asked = Durations.parse(q.trim().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("ttl: " + e.getMessage());
            }
        }
        return asked == null ? null : config.clampTtl(asked);
    }
}
