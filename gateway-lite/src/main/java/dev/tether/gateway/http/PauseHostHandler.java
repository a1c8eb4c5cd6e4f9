package dev.tether.gateway.http;

import dev.tether.gateway.config.GatewayConfig;
import dev.tether.gateway.store.HostRecord;
import dev.tether.gateway.store.HostStore;
import dev.tether.protocol.push.Durations;
import dev.tether.protocol.push.PushProtocol;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/hosts/{host}/pause?for=<duration>}: drops the host's series and stops it being
 * reported down until the pause ends. {@code for} is clamped like a TTL, so a paused client that
 * dies still lapses.
 */
public final class PauseHostHandler implements HttpHandler {
    private final HostStore store;
    private final GatewayConfig config;

    public PauseHostHandler(HostStore store, GatewayConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public void handleRequest(HttpServerExchange ex) {
        try {
            String host = Requests.host(ex);
            String forParam = Responses.queryParam(ex, PushProtocol.PAUSE_FOR_QUERY_PARAM);
            Duration asked = null;
            if (forParam != null) {
                try {
                    asked = Durations.parse(forParam);
                } catch (IllegalArgumentException e) {
                    throw HttpError.badRequest("for: " + e.getMessage());
                }
            }
            HostRecord rec = store.pause(host, config.clampTtl(asked));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("host", host);
            answer.put("state", "paused");
            answer.put("pausedUntil", Responses.time(rec.pausedUntil()));
            Responses.json(ex, 200, answer);
        } catch (HttpError e) {
            Responses.error(ex, e);
        }
    }
}
